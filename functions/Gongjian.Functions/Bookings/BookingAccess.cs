using System.Globalization;
using System.Text.RegularExpressions;
using Gongjian.Domain.Bookings;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Domain.Resources;
using Gongjian.Domain.Workflow;
using Gongjian.Functions.Access;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Bookings;

/// <summary>
/// Booking numbers carry their Beijing day (<c>bk20260302-3f9a1c2b</c>) so that a booking's ledger,
/// <c>{resourceId}~{yyyyMMdd}</c>, follows from the resource in the route and the number; cancel codes; problems.
/// </summary>
public static partial class BookingAccess
{
    [GeneratedRegex("^bk[0-9]{8}-[0-9a-f]{8}$")]
    private static partial Regex IdPattern();

    public static string NewId(DateOnly day) => $"bk{day:yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The booking's day, or null when the number is not one.</summary>
    public static DateOnly? DayOf(string bookingId) =>
        IdPattern().IsMatch(bookingId) && DateOnly.TryParseExact(bookingId[2..10], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Hash(string code) => OrderAccess.HashTrackingCode(code);

    /// <summary>The resource as the ledger decides on it: its owner, title, whether retired, and its policy (none: not bookable).</summary>
    public static ResourceForBooking ForBooking(ResourceState s) =>
        new(s.Id, s.UnitId, s.UnitName, s.StreetId, s.Details?.Title ?? "", s.Status == ResourceStatus.Retired, s.Booking);

    /// <summary>The policy of a resource open for booking; a retired or never opened resource is 409.</summary>
    public static BookingPolicy OpenPolicy(ResourceState s) =>
        s.Status == ResourceStatus.Retired ? throw ApiProblem.Conflict("resource_retired", "该资源已下架，不能预约。")
        : s.Booking ?? throw ApiProblem.Conflict("resource_not_bookable", "该资源不开放预约。");


    public static ApiProblem ToProblem(Rejection r) => r switch
    {
        { Kind: RejectionKind.Forbidden } => ApiProblem.Forbidden(r.Code, r.Message),
        { Kind: RejectionKind.Invalid } => ApiProblem.BadRequest(r.Code, r.Message),
        { Code: "booking_not_found" } => ApiProblem.NotFound(r.Code, r.Message),
        _ => ApiProblem.Conflict(r.Code, r.Message),
    };

    public static BookingView View(BookingLedgerState s, Booking b, string? cancelCode = null) => new(b.Id, s.ResourceId, s.Title, s.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        BookingTimes.Clock(b.Start), BookingTimes.Clock(b.End), b.Status.Code(), b.Status.Chinese(), b.People, b.Reason, cancelCode);

    /// <summary>What the requester reads back with the code: their own booking, name and phone masked (empty once erased).</summary>
    public static BookingLookupView Lookup(BookingLedgerState s, Booking b) => new(b.Id, s.ResourceId, s.Title, s.UnitName,
        s.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), BookingTimes.Clock(b.Start), BookingTimes.Clock(b.End), b.Status.Code(), b.Status.Chinese(),
        b.People, AddressMask.MaskName(b.Name), b.Phone.Length == 0 ? "" : PhoneNumber.Mask(b.Phone), b.ContactErasedAt is not null, b.Reason);

    /// <summary>Who may read a unit's or a street's booking list.</summary>
    public static bool MayList(Caller c, string? unitStreet, string? unit, string? street) => c.Role switch
    {
        ActorRole.Admin => true,
        ActorRole.Liaison => unit is not null && unit == c.Scope,
        ActorRole.Organizer => street == c.Scope || unit is not null && unitStreet == c.Scope,
        _ => false,
    };
}
