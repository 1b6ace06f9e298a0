using Gongjian.Domain.Resources;
using Gongjian.Functions.Bookings;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Resources;

/// <summary>开放预约: the owner unit's liaison (or the street's staff) sets how the resource is booked; with If-Match, a changed entry is 412.</summary>
public static class SetBookingPolicyFunction
{
    public static readonly HttpTrigger Trigger = new("PUT", "resources/{id}/booking-policy");

    public static async Task<IResult> Run(HttpContext context, string id, ResourceCommandRunner runner)
    {
        var expected = ResourceAccess.Expected(context);
        var request = await JsonBody.ReadAsync(context, BookingApiJson.Web.BookingPolicyRequest);
        var policy = BookingTimes.Policy(request);
        await runner.RunAsync(context, id, (caller, _, _) => new SetBookingPolicy { By = caller.AsActor(), Policy = policy, ExpectedVersion = expected });
        var state = await runner.FindAsync(id, context.RequestAborted);
        context.Response.Headers.ETag = ResourceAccess.ETagOf(state);
        return Results.Json(BookingTimes.View(state.Id, state.Booking!, state.Version), BookingApiJson.Web.BookingPolicyView);
    }
}
