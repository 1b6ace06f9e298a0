namespace Gongjian.Domain.People;

/// <summary>单位报到: reported (待接收) → accepted (已接收); commitments are then marked met during the year.</summary>
public enum UnitReportStatus { None, Reported, Accepted }

public static class UnitReportStatusText
{
    public static string Code(this UnitReportStatus s) => s.ToString().ToLowerInvariant();

    public static string Chinese(this UnitReportStatus s) => s switch
    {
        UnitReportStatus.Reported => "待接收", UnitReportStatus.Accepted => "已接收", _ => "无",
    };
}

/// <summary>What a unit commits to: a post (设岗定责), a resource from its 资源清单, or its yearly service items.</summary>
public enum CommitmentKind { Post, Resource, ServiceItems }

/// <summary>One commitment of a unit's report; <see cref="MetAt"/> and <see cref="Evidence"/> once staff mark it met.</summary>
public sealed record Commitment(string Id, CommitmentKind Kind, string Title, DateTimeOffset? MetAt = null, string? Evidence = null)
{
    public bool IsMet => MetAt is not null;
}

public static class UnitReportLimits
{
    public const int PostMax = 20;
    public const int MaxPosts = 10;
    public const int MaxResources = 20;
    public const int MaxServiceItems = 500;
    public const int EvidenceMax = 300;
}

public sealed record UnitReportState
{
    public static readonly UnitReportState Initial = new();

    public string Id { get; init; } = "";
    public int Version { get; init; }
    public UnitReportStatus Status { get; init; }
    public string UnitId { get; init; } = "";
    public string UnitName { get; init; } = "";
    public string CommunityId { get; init; } = "";
    public string StreetId { get; init; } = "";
    public int Year { get; init; }
    public int ServiceItemsPerYear { get; init; }
    public IReadOnlyList<Commitment> Commitments { get; init; } = [];
    public DateTimeOffset ReportedAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public int CommitmentsMet => Commitments.Count(c => c.IsMet);
}
