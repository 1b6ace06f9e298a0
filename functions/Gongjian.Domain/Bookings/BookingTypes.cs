namespace Gongjian.Domain.Bookings;

// 资源共享预约: the bookings of one resource on one Beijing day are one ledger (one engine instance),
// so a request is decided against every pending and approved booking of that day in one transaction:
// two overlapping requests cannot both win.

public enum BookingStatus { Pending, Approved, Declined, Cancelled, Used, NoShow }

public static class BookingText
{
    public static string Code(this BookingStatus s) => s switch { BookingStatus.NoShow => "no_show", _ => s.ToString().ToLowerInvariant() };

    public static string Chinese(this BookingStatus s) => s switch
    {
        BookingStatus.Pending => "待审批", BookingStatus.Approved => "已预约", BookingStatus.Declined => "已拒绝",
        BookingStatus.Cancelled => "已取消", BookingStatus.Used => "已使用", BookingStatus.NoShow => "未到场", _ => "无",
    };

    /// <summary>Pending and approved bookings hold their slot.</summary>
    public static bool HoldsSlot(this BookingStatus s) => s is BookingStatus.Pending or BookingStatus.Approved;
}

public static class BookingLimits
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    public const int NameMax = 30;
    public const int PurposeMax = 100;
    public const int ReasonMax = 200;
    public const int PeopleMax = 10_000;
    /// <summary>A pending request not answered within this time reminds the owner.</summary>
    public static readonly TimeSpan AnswerRemindAfter = TimeSpan.FromHours(24);
    /// <summary>The reminder before an approved slot.</summary>
    public static readonly TimeSpan SlotRemindBefore = TimeSpan.FromHours(2);

    /// <summary>The ledger of a resource's day: <c>{resourceId}~{yyyyMMdd}</c> (Beijing date).</summary>
    public static string LedgerId(string resourceId, DateOnly day) => $"{resourceId}~{day:yyyyMMdd}";

    public static DateOnly BeijingDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Beijing).DateTime);
}

/// <summary>One booking in a ledger. <see cref="Name"/>, <see cref="Phone"/> are personal, never listed, and erased a while after the end.</summary>
public sealed record Booking
{
    public required string Id { get; init; }
    public required BookingStatus Status { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public required string Name { get; init; }
    public required string Phone { get; init; }
    public required string Purpose { get; init; }
    public required int People { get; init; }
    /// <summary>The hash of the code the requester was given; a resident cancels with it.</summary>
    public required string CodeHash { get; init; }
    /// <summary>The requesting unit when a liaison asked for its unit.</summary>
    public string? RequesterUnitId { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset StatusSince { get; init; }
    public string? Reason { get; init; }
    /// <summary>When the booker's name and phone were erased (retention); both are empty from then on.</summary>
    public DateTimeOffset? ContactErasedAt { get; init; }

    /// <summary>When the booking ended: declined or cancelled when it was, any other at the end of its slot.</summary>
    public DateTimeOffset EndedAt => Status is BookingStatus.Declined or BookingStatus.Cancelled ? StatusSince : End;

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}

public sealed record BookingLedgerState
{
    public static readonly BookingLedgerState Initial = new();

    public string Id { get; init; } = "";
    public int Version { get; init; }
    public string ResourceId { get; init; } = "";
    public string UnitId { get; init; } = "";
    public string UnitName { get; init; } = "";
    public string StreetId { get; init; } = "";
    public string Title { get; init; } = "";
    public DateOnly Day { get; init; }
    public IReadOnlyList<Booking> Bookings { get; init; } = [];

    public Booking? Find(string id) => Bookings.FirstOrDefault(b => b.Id == id);
}
