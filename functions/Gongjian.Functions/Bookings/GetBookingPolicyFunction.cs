using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Resources;

namespace Gongjian.Functions.Bookings;

/// <summary>
/// 开放预约设置: staff who may see the resource read how it is booked, with its ETag for the <c>PUT</c> that changes it;
/// a resource never opened for booking is <c>404 booking_policy_not_set</c>.
/// </summary>
public static class GetBookingPolicyFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "resources/{id}/booking-policy");

    public static async Task<IResult> Run(HttpContext context, string id, ResourceCommandRunner resources, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        var resource = await resources.FindAsync(id, context.RequestAborted);
        if (!ResourceAccess.CanSee(caller, resource, await directory.GetAsync(context.RequestAborted)))
            throw ApiProblem.Forbidden("outside_scope", "该资源不在您的管辖范围内。");
        if (resource.Booking is not { } policy) throw ApiProblem.NotFound("booking_policy_not_set", "该资源还没有开放预约。");
        context.Response.Headers.ETag = ResourceAccess.ETagOf(resource);
        return Results.Json(BookingTimes.View(resource.Id, policy, resource.Version), BookingApiJson.Web.BookingPolicyView);
    }
}
