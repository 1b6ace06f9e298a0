using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongjian.Functions.Bookings;

// Bodies of the booking API (资源共享预约), in a context of their own; the same strict options as ApiJson.

/// <summary>One open weekday: <c>monday</c>…<c>sunday</c>, opening and closing as <c>HH:mm</c> Beijing time.</summary>
public sealed record OpeningHoursRequest
{
    public required string Weekday { get; init; }
    public required string Opens { get; init; }
    public required string Closes { get; init; }
}

/// <summary>开放预约: the open weekdays, the slot length in minutes, and whether a request is approved at once.</summary>
public sealed record BookingPolicyRequest
{
    public required IReadOnlyList<OpeningHoursRequest> Hours { get; init; }
    public required int SlotMinutes { get; init; }
    public required bool Instant { get; init; }
}

public sealed record BookingPolicyView(string ResourceId, IReadOnlyList<OpeningHoursRequest> Hours, int SlotMinutes, bool Instant, int Version);

/// <summary>预约: the Beijing date (<c>yyyy-MM-dd</c>), start and end (<c>HH:mm</c>), who, why and how many.</summary>
public sealed record BookRequest
{
    public required string Date { get; init; }
    public required string Start { get; init; }
    public required string End { get; init; }
    public required string Name { get; init; }
    public required string Phone { get; init; }
    public required string Purpose { get; init; }
    public required int People { get; init; }
}

/// <summary>A reason (decline, cancel); a requester cancels with the <c>code</c> the booking answer gave.</summary>
public sealed record BookingReasonRequest
{
    public required string Reason { get; init; }
    public string? Code { get; init; }
}

/// <summary>A booking as its requester and the owner unit see it; the cancel code only in the answer that made it.</summary>
public sealed record BookingView(string Id, string ResourceId, string Title, string Date, string Start, string End, string Status, string StatusText,
    int People, string? Reason, string? CancelCode);

/// <summary>
/// A booking as its requester reads it back with the code (<c>X-Tracking-Code</c>): the resource and its unit, the time and
/// status; the booker's own name and phone masked (empty once erased, <c>contactErased</c>); nothing of anyone else.
/// </summary>
public sealed record BookingLookupView(string Id, string ResourceId, string Title, string UnitName, string Date, string Start, string End,
    string Status, string StatusText, int People, string Name, string Phone, bool ContactErased, string? Reason);

public sealed record SlotView(string Start, string End, bool Free);

/// <summary>A day's slots of a resource: free or taken, nothing about who booked.</summary>
public sealed record AvailabilityView(string ResourceId, string Title, string Date, bool Open, int SlotMinutes, bool Instant, IReadOnlyList<SlotView> Slots);

/// <summary>One day of a range: whether the resource opens that weekday and its slots.</summary>
public sealed record DayAvailabilityView(string Date, bool Open, IReadOnlyList<SlotView> Slots);

/// <summary>A resource's slots over a range of days (at most 14), free or taken, nothing about who booked.</summary>
public sealed record AvailabilityRangeView(string ResourceId, string Title, string From, string To, int SlotMinutes, bool Instant, IReadOnlyList<DayAvailabilityView> Days);

/// <summary>One resource-day in a unit's or street's list: counts and slots (time, status, booking id), nothing personal.</summary>
public sealed record BookingDayItem(string LedgerId, string ResourceId, string UnitId, string StreetId, string Title, string Date,
    int Pending, int Approved, int Used, int NoShow, IReadOnlyList<string> Slots);

public sealed record BookingDayPage(IReadOnlyList<BookingDayItem> Items, string? NextPageToken);

/// <summary>
/// One booking of a resource's day as staff read it: the purpose only for the owner unit, name and phone unmasked only for it
/// (<c>contactVisible</c>, unless it asked <c>contact=masked</c>); masked, and no purpose, for other staff.
/// </summary>
public sealed record BookingDetail(string Id, string Start, string End, string Status, string StatusText, int People, string Name, string Phone,
    string? Purpose, string? RequesterUnitId, string? RequesterUnitName, DateTimeOffset RequestedAt, string? Reason);

/// <summary>A resource's Beijing day: its bookings, earliest first, and whether the contacts in it are unmasked.</summary>
public sealed record ResourceDayView(string ResourceId, string Title, string UnitId, string Date, bool ContactVisible, bool ContactWithheld,
    IReadOnlyList<BookingDetail> Items);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(BookingPolicyRequest))]
[JsonSerializable(typeof(BookingPolicyView))]
[JsonSerializable(typeof(BookRequest))]
[JsonSerializable(typeof(BookingReasonRequest))]
[JsonSerializable(typeof(BookingView))]
[JsonSerializable(typeof(BookingLookupView))]
[JsonSerializable(typeof(AvailabilityView))]
[JsonSerializable(typeof(AvailabilityRangeView))]
[JsonSerializable(typeof(BookingDayPage))]
[JsonSerializable(typeof(ResourceDayView))]
public sealed partial class BookingApiJson : JsonSerializerContext
{
    public static BookingApiJson Web => s_web ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static BookingApiJson? s_web;
}
