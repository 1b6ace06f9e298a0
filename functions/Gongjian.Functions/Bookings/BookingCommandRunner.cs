using Gongjian.Domain.Bookings;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Http;
using Gongjian.Functions.Resources;

namespace Gongjian.Functions.Bookings;

/// <summary>The shared steps of every action on a booking: find its ledger, decide and save (idempotent under its key), answer.</summary>
public sealed class BookingCommandRunner(BookingStore store)
{
    public async Task<IResult> RunAsync(HttpContext context, string resourceId, string bookingId, Func<Actor, BookingCommand> build)
    {
        var ct = context.RequestAborted;
        var day = (ResourceAccess.IsWellFormed(resourceId) ? BookingAccess.DayOf(bookingId) : null)
            ?? throw ApiProblem.NotFound("booking_not_found", "预约不存在，请检查预约编号。");
        var ledger = BookingLimits.LedgerId(resourceId, day);
        var loaded = await store.LoadForCommandAsync(ledger, ct) ?? throw ApiProblem.NotFound("booking_not_found", "预约不存在，请检查预约编号。");
        var by = context.Caller()?.AsActor() ?? BookingActors.Requester;
        var outcome = await store.ExecuteAsync(ledger, build(by), ct, loaded, RequestMessageId.Of(context));
        // A cached ledger may be behind: read it again once before refusing.
        if (outcome.Rejection is not null && loaded.Cached) outcome = await store.ExecuteAsync(ledger, build(by), ct, null, RequestMessageId.Of(context));
        if (outcome.Rejection is { } r) throw BookingAccess.ToProblem(r);
        if (outcome.Replayed) context.Response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        var booking = outcome.State.Find(bookingId)!;
        return Results.Json(BookingAccess.View(outcome.State, booking), BookingApiJson.Web.BookingView);
    }
}
