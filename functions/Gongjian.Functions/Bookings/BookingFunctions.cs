using System.Globalization;
using Gongjian.Domain.Bookings;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Resources;
using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Resources;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Bookings;

/// <summary>
/// 预约: a resident (no key) or a liaison for its unit books whole slots of a resource on one Beijing day; the policy is
/// the resource's own. The answer (201) carries the cancel code once; only its hash is stored.
/// </summary>
public static class BookResourceFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "resources/{id}/bookings");

    public static async Task<IResult> Run(HttpContext context, string id, BookingStore store, ResourceCommandRunner resources, IdempotencyStore idempotency, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var request = await JsonBody.ReadAsync(context, BookingApiJson.Web.BookRequest);
        var resource = await resources.FindAsync(id, ct);
        var day = BookingTimes.Date(request.Date);
        var (start, end) = (BookingTimes.Minutes(request.Start, "start"), BookingTimes.Minutes(request.End, "end"));
        var caller = context.Caller();
        var by = caller?.AsActor() ?? BookingActors.Requester;
        var bookingId = BookingAccess.NewId(day);
        var code = OrderIds.NewTrackingCode();
        if (IdempotencyKeyHeader.Read(context) is { } value)
        {
            var key = IdempotencyKey.For(caller, "booking\n" + value);
            var reservation = await idempotency.ReserveAsync(key, key.Fingerprint(request, BookingApiJson.Web.BookRequest), bookingId, code, ct);
            (bookingId, code) = (reservation.OrderId, reservation.TrackingCode);
        }
        var command = new RequestBooking
        {
            By = by, BookingId = bookingId, Resource = BookingAccess.ForBooking(resource), Start = BookingTimes.At(day, start), End = BookingTimes.At(day, end),
            Name = request.Name, Phone = request.Phone, Purpose = request.Purpose, People = request.People, CodeHash = BookingAccess.Hash(code),
        };
        var ledger = BookingLimits.LedgerId(resource.Id, day);
        var outcome = await store.ExecuteAsync(ledger, command, ct, null, RequestMessageId.Of(context));
        var replayed = outcome.Replayed || outcome.Rejection is { Code: "booking_exists" } && outcome.State.Find(bookingId)?.CodeHash == command.CodeHash;
        if (!replayed && outcome.Rejection is { } r) throw BookingAccess.ToProblem(r);
        var booking = outcome.State.Find(bookingId) ?? throw ApiProblem.Conflict("booking_exists", "该预约已提交。");
        context.Response.Headers.Location = $"/api/resources/{resource.Id}/bookings/{bookingId}";
        if (replayed) context.Response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        return Results.Json(BookingAccess.View(outcome.State, booking, code), BookingApiJson.Web.BookingView, statusCode: StatusCodes.Status201Created);
    }
}

/// <summary>空闲时段: anyone reads a bookable resource's slots on a Beijing day, free or taken; nothing about who booked.</summary>
public static class ResourceAvailabilityFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "resources/{id}/availability");

    public static async Task<IResult> Run(HttpContext context, string id, BookingStore store, ResourceCommandRunner resources)
    {
        var ct = context.RequestAborted;
        var day = BookingTimes.Date(context.Request.Query["date"].ToString());
        var resource = await resources.FindAsync(id, ct);
        var policy = BookingAccess.OpenPolicy(resource);
        var ledger = (await store.LoadAsync(BookingLimits.LedgerId(resource.Id, day), ct))?.State;
        var open = policy.Hours.ContainsKey(day.DayOfWeek);
        var slots = DaySlots.Of(policy, day, ledger);
        return Results.Json(new AvailabilityView(resource.Id, resource.Details?.Title ?? "", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), open, policy.SlotMinutes, policy.Instant, slots),
            BookingApiJson.Web.AvailabilityView);
    }
}

/// <summary>
/// 空闲时段（多日）: anyone reads a bookable resource's slots over a range of Beijing days (<c>from</c>, <c>to</c>, both included,
/// at most <see cref="BookingTimes.RangeDaysMax"/>), one ledger read per day, side by side; nothing about who booked.
/// </summary>
public static class ResourceAvailabilityRangeFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "resources/{id}/availability/range");

    public static async Task<IResult> Run(HttpContext context, string id, BookingStore store, ResourceCommandRunner resources)
    {
        var ct = context.RequestAborted;
        var (from, to) = BookingTimes.Range(context.Request.Query["from"].ToString(), context.Request.Query["to"].ToString());
        var resource = await resources.FindAsync(id, ct);
        var policy = BookingAccess.OpenPolicy(resource);
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        var ledgers = await Task.WhenAll(days.Select(d => store.LoadAsync(BookingLimits.LedgerId(resource.Id, d), ct)));
        var views = days.Select((d, i) => new DayAvailabilityView(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), policy.Hours.ContainsKey(d.DayOfWeek), DaySlots.Of(policy, d, ledgers[i]?.State))).ToList();
        return Results.Json(new AvailabilityRangeView(resource.Id, resource.Details?.Title ?? "", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            policy.SlotMinutes, policy.Instant, views), BookingApiJson.Web.AvailabilityRangeView);
    }
}

/// <summary>批准: the owner unit's liaison (or an admin) approves a pending request.</summary>
public static class ApproveBookingFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "resources/{id}/bookings/{bookingId}/approve");

    public static Task<IResult> Run(HttpContext context, string id, string bookingId, BookingCommandRunner runner)
    {
        context.RequireStaff();
        return runner.RunAsync(context, id, bookingId, by => new ApproveBooking { By = by, BookingId = bookingId });
    }
}

/// <summary>拒绝: the owner unit declines a pending request, with a reason.</summary>
public static class DeclineBookingFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "resources/{id}/bookings/{bookingId}/decline");

    public static async Task<IResult> Run(HttpContext context, string id, string bookingId, BookingCommandRunner runner)
    {
        context.RequireStaff();
        var request = await JsonBody.ReadAsync(context, BookingApiJson.Web.BookingReasonRequest);
        return await runner.RunAsync(context, id, bookingId, by => new DeclineBooking { By = by, BookingId = bookingId, Reason = request.Reason });
    }
}

/// <summary>已使用: the owner unit records that the booking was used, once its slot began.</summary>
public static class MarkBookingUsedFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "resources/{id}/bookings/{bookingId}/used");

    public static Task<IResult> Run(HttpContext context, string id, string bookingId, BookingCommandRunner runner)
    {
        context.RequireStaff();
        return runner.RunAsync(context, id, bookingId, by => new MarkBookingUsed { By = by, BookingId = bookingId });
    }
}

/// <summary>未到场: the owner unit records that nobody came, once the slot began.</summary>
public static class MarkBookingNoShowFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "resources/{id}/bookings/{bookingId}/no-show");

    public static Task<IResult> Run(HttpContext context, string id, string bookingId, BookingCommandRunner runner)
    {
        context.RequireStaff();
        return runner.RunAsync(context, id, bookingId, by => new MarkBookingNoShow { By = by, BookingId = bookingId });
    }
}

/// <summary>取消: the requester with the cancel code (no key), or the owner unit, with a reason, before the slot begins; the slot is free again.</summary>
public static class CancelBookingFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "resources/{id}/bookings/{bookingId}/cancel");

    public static async Task<IResult> Run(HttpContext context, string id, string bookingId, BookingCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, BookingApiJson.Web.BookingReasonRequest);
        if (context.Caller() is null && string.IsNullOrWhiteSpace(request.Code))
            throw ApiProblem.Unauthorized("authentication_required", "请提供工作人员密钥，或填写预约时得到的预约码（code）。");
        return await runner.RunAsync(context, id, bookingId, by => new CancelBooking
        {
            By = by, BookingId = bookingId, Reason = request.Reason, CodeHash = request.Code is { Length: > 0 } c ? BookingAccess.Hash(c.Trim()) : null,
        });
    }
}

/// <summary>
/// 查询预约: the requester reads their booking back with its code in <c>X-Tracking-Code</c> (no key): the resource, the time,
/// the status in words, their own name and phone masked. An unknown booking and a wrong code are the same 404, so the
/// answer tells nothing about bookings the caller holds no code for.
/// </summary>
public static class GetBookingFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "resources/{id}/bookings/{bookingId}");

    public static async Task<IResult> Run(HttpContext context, string id, string bookingId, BookingStore store)
    {
        var code = context.Request.Headers[OrderAccess.TrackingHeader].ToString().Trim();
        if (code.Length == 0) throw ApiProblem.Unauthorized("code_required", "请在 X-Tracking-Code 中提供预约时得到的预约码。");
        var day = ResourceAccess.IsWellFormed(id) ? BookingAccess.DayOf(bookingId) : null;
        var ledger = day is { } d ? (await store.LoadAsync(BookingLimits.LedgerId(id, d), context.RequestAborted))?.State : null;
        if (ledger?.Find(bookingId) is not { } booking || !OrderAccess.CodeMatches(code, booking.CodeHash))
            throw ApiProblem.NotFound("booking_not_found", "没有找到该预约，请核对预约编号和预约码。");
        return Results.Json(BookingAccess.Lookup(ledger, booking), BookingApiJson.Web.BookingLookupView);
    }
}
