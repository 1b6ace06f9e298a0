using Gongjian.Domain.Bookings;
using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Resources;

// 资源清单: what a member unit offers the community — a venue (capacity, opening hours), a skill or
// professional service (免费法律咨询, 健康义诊), volunteers, materials or funds — with a category (the
// orders' list), the communities it covers (none listed: the whole street) and when it is available.
// A unit's liaison keeps its own entries; an entry is retired, never deleted (it stays a record).

public enum ResourceKind { Venue, Service, Volunteers, Materials, Funds }

public enum ResourceStatus { None, Active, Retired }

public static class ResourceText
{
    public static string Code(this ResourceKind k) => k.ToString().ToLowerInvariant();
    public static string Code(this ResourceStatus s) => s.ToString().ToLowerInvariant();

    public static string Chinese(this ResourceKind k) => k switch
    {
        ResourceKind.Venue => "场地", ResourceKind.Service => "专业服务", ResourceKind.Volunteers => "志愿者",
        ResourceKind.Materials => "物资", ResourceKind.Funds => "资金", _ => "其他",
    };

    public static string Chinese(this ResourceStatus s) => s switch { ResourceStatus.Active => "可用", ResourceStatus.Retired => "已下架", _ => "无" };

    public static bool TryParseKind(string? code, out ResourceKind kind) =>
        Enum.TryParse(code, ignoreCase: true, out kind) && code!.All(char.IsAsciiLetterLower);
}

public static class ResourceLimits
{
    public const int TitleMax = 40;
    public const int DescriptionMax = 500;
    public const int AvailabilityMax = 100;
    public const int OpeningHoursMax = 60;
    public const int CapacityMax = 10_000;
    public const int CoverageMax = 50;
    public const int UnitNameMax = 60;
    public const int ReasonMax = 200;
}

/// <summary>What the unit offers; <see cref="Capacity"/> and <see cref="OpeningHours"/> for a venue, <see cref="Count"/> for volunteers.</summary>
public sealed record ResourceDetails
{
    public required ResourceKind Kind { get; init; }
    public required string Category { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    /// <summary>Communities covered; empty means the whole street.</summary>
    public IReadOnlyList<string> CommunityIds { get; init; } = [];
    public required string Availability { get; init; }
    public int? Capacity { get; init; }
    public string? OpeningHours { get; init; }
    public int? Count { get; init; }
}

public sealed record ResourceState
{
    public static readonly ResourceState Initial = new();

    public string Id { get; init; } = "";
    public ResourceStatus Status { get; init; }
    public int Version { get; init; }
    public string UnitId { get; init; } = "";
    public string UnitName { get; init; } = "";
    public string StreetId { get; init; } = "";
    public ResourceDetails? Details { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? RetiredAt { get; init; }
    public string? RetiredReason { get; init; }
    /// <summary>How it is booked (资源共享预约); null: not bookable.</summary>
    public BookingPolicy? Booking { get; init; }

    public bool WholeStreet => Details is { CommunityIds.Count: 0 };
    public bool Covers(string communityId) => Details is { } d && (d.CommunityIds.Count == 0 || d.CommunityIds.Contains(communityId, StringComparer.Ordinal));
}

public abstract record ResourceCommand
{
    public required Actor By { get; init; }
}

/// <summary>A liaison lists its own unit's resource (staff of the unit's street may do it for the unit).</summary>
public sealed record OfferResource : ResourceCommand
{
    public required string ResourceId { get; init; }
    public required string UnitId { get; init; }
    public required string UnitName { get; init; }
    public required string StreetId { get; init; }
    public required ResourceDetails Details { get; init; }
}

/// <summary>An edit replaces the details; <see cref="ExpectedVersion"/> (the If-Match) refuses an edit of a changed entry.</summary>
public sealed record EditResource : ResourceCommand
{
    public required ResourceDetails Details { get; init; }
    public int? ExpectedVersion { get; init; }
}

public sealed record RetireResource : ResourceCommand
{
    public required string Reason { get; init; }
    public int? ExpectedVersion { get; init; }
}

/// <summary>开放预约: the owner unit's liaison (or the street's staff) sets opening hours, slot length and instant or approval.</summary>
public sealed record SetBookingPolicy : ResourceCommand
{
    public required BookingPolicy Policy { get; init; }
    public int? ExpectedVersion { get; init; }
}

public abstract record ResourceEvent
{
    public required string ResourceId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Actor By { get; init; }
}

public sealed record ResourceOffered : ResourceEvent
{
    public required string UnitId { get; init; }
    public required string UnitName { get; init; }
    public required string StreetId { get; init; }
    public required ResourceDetails Details { get; init; }
}

public sealed record ResourceEdited : ResourceEvent
{
    public required ResourceDetails Details { get; init; }
}

public sealed record ResourceRetired : ResourceEvent
{
    public required string Reason { get; init; }
}

public sealed record ResourceBookingPolicySet : ResourceEvent
{
    public required BookingPolicy Policy { get; init; }
}
