using Gongjian.Bot.Desk;
namespace Gongjian.Bot.Conversations;

/// <summary>What the resident asked for before the bot knew their community: it goes on there once they choose.</summary>
public enum CommunityFor { Activities, Booking, Report }

/// <summary>The bot asked which community the resident lives in (once; remembered as <see cref="ConversationData.Home"/>).</summary>
public sealed record ChoosingCommunity(CommunityFor For) : DialogStep;

/// <summary>报名 by someone the bot has no name and phone for yet: the name first (<paramref name="Name"/> null), then the phone.</summary>
public sealed record JoiningActivity(string ActivityId, string? Name = null) : DialogStep;

/// <summary>What the bot asks while taking a booking, in order.</summary>
public enum BookingSlot { Resource, Day, Time, Purpose, People, Name, Phone }

/// <summary>What the resident has chosen so far for one booking (Beijing day and <c>HH:mm</c> times).</summary>
public sealed record BookingDraft
{
    /// <summary>Names this booking when it is confirmed, so that confirming it twice books once.</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N");
    public string? ResourceId { get; init; }
    public string? Title { get; init; }
    public DateOnly? Day { get; init; }
    public string? Start { get; init; }
    public string? End { get; init; }
    public string? Purpose { get; init; }
    public int? People { get; init; }
    public string? Name { get; init; }
    public string? Phone { get; init; }

    public BookingSlot? Missing =>
        ResourceId is null ? BookingSlot.Resource
        : Day is null ? BookingSlot.Day
        : Start is null ? BookingSlot.Time
        : Purpose is null ? BookingSlot.Purpose
        : People is null ? BookingSlot.People
        : Name is null ? BookingSlot.Name
        : Phone is null ? BookingSlot.Phone
        : null;
}

public sealed record BookingRoom(BookingDraft Draft, BookingSlot Asking) : DialogStep;

/// <summary>The booking's summary card is shown: 确认预约 / 取消.</summary>
public sealed record ConfirmingBooking(BookingDraft Draft) : DialogStep;

public enum ReportSlot { Kind, Name, Phone, WorkUnit, Team }

/// <summary>What a person has told so far for 双报到 (personal data: kept only until the report is made).</summary>
public sealed record PersonDraft
{
    /// <summary><c>partyMember</c> or <c>volunteer</c>.</summary>
    public string? Kind { get; init; }
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? WorkUnit { get; init; }
    /// <summary>The team chosen; <c>""</c> once the person chose none (or the community has none to offer).</summary>
    public string? TeamId { get; init; }

    public ReportSlot? Missing =>
        Kind is null ? ReportSlot.Kind : Name is null ? ReportSlot.Name : Phone is null ? ReportSlot.Phone : WorkUnit is null ? ReportSlot.WorkUnit
        : TeamId is null ? ReportSlot.Team : null;
}

/// <param name="Teams">The teams offered while <see cref="Asking"/> is <see cref="ReportSlot.Team"/> (the answer is one of them).</param>
public sealed record ReportingPerson(PersonDraft Draft, ReportSlot Asking, IReadOnlyList<TeamChoice>? Teams = null) : DialogStep;
