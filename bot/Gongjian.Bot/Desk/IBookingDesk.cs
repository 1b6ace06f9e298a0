namespace Gongjian.Bot.Desk;

/// <summary>
/// What the conversations need from the 资源共享预约 module: a community's bookable resources, a day's slots, the request
/// (as <c>POST /api/resources/{id}/bookings</c>), and a requester's own bookings read and cancelled with their code.
/// Days and times are Beijing's.
/// </summary>
public interface IBookingDesk
{
    /// <summary>Active resources with a booking policy that serve the community (listed for it, or for its whole street).</summary>
    Task<IReadOnlyList<BookableResource>> ResourcesAsync(string communityId, CancellationToken ct);

    /// <summary>The day's slots by the resource's opening hours (none when it is closed that day), free or taken.</summary>
    Task<DeskResult<ResourceDay>> DayAsync(string resourceId, DateOnly day, CancellationToken ct);

    /// <summary>预约: approved at once (instant resources) or pending the owner unit's approval; refused when taken or outside the hours.</summary>
    Task<DeskResult<BookedSlot>> BookAsync(BookingRequest request, CancellationToken ct);

    Task<IReadOnlyList<BookedSlot>> StatusAsync(IReadOnlyList<(string ResourceId, string BookingId)> bookings, CancellationToken ct);

    Task<DeskResult<BookedSlot>> CancelAsync(string resourceId, string bookingId, string code, CancellationToken ct);
}

public sealed record BookableResource(string ResourceId, string Title, string UnitName, string? Description, bool Instant, int SlotMinutes);

/// <param name="Open">The resource opens that weekday.</param>
public sealed record ResourceDay(string ResourceId, string Title, DateOnly Day, bool Open, string? Hours, IReadOnlyList<DaySlot> Slots);

/// <param name="Start"><c>HH:mm</c>, Beijing.</param>
public sealed record DaySlot(string Start, string End, bool Free);

/// <param name="DraftId">The conversation's draft: confirming it twice books once.</param>
public sealed record BookingRequest(string ResourceId, DateOnly Day, string Start, string End, string Name, string Phone, string Purpose, int People, string DraftId);

/// <param name="Status"><c>pending</c>, <c>approved</c>, <c>declined</c>, <c>cancelled</c>, <c>used</c>, <c>no_show</c>.</param>
/// <param name="Code">Given once, when booked: the requester cancels with it.</param>
public sealed record BookedSlot(
    string ResourceId, string BookingId, string Title, DateOnly Day, string Start, string End, string Status, string StatusName, string? Reason, string? Code = null);
