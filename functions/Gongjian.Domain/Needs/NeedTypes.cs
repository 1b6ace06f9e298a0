using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy.FreeText;

namespace Gongjian.Domain.Needs;

// 需求清单: what a community needs that no single order answers (a health check day for its elderly,
// legal advice for families in hardship). Recorded by the community's staff or promoted from a
// resident's order or wish; matched to a unit or a project, then met or closed. It names groups and
// counts of people who benefit, never a person; its description is masked like an order's text.

public enum NeedStatus { None, Open, Matched, Met, Closed }

public static class NeedStatusText
{
    public static string Code(this NeedStatus s) => s.ToString().ToLowerInvariant();

    public static string Chinese(this NeedStatus s) => s switch
    {
        NeedStatus.Open => "待对接", NeedStatus.Matched => "已对接", NeedStatus.Met => "已满足", NeedStatus.Closed => "已关闭", _ => "无",
    };

    public static bool TryParse(string code, out NeedStatus status) =>
        Enum.TryParse(code, ignoreCase: true, out status) && status != NeedStatus.None && code.All(char.IsAsciiLetterLower);

    public static bool IsEnded(this NeedStatus s) => s is NeedStatus.Met or NeedStatus.Closed;
}

/// <summary>Who benefits, as a group and a head count (老年人 30 人): never names.</summary>
public sealed record Beneficiaries(string Group, int Count);

/// <summary>Where a need came from: staff wrote it, or a resident's order or wish was promoted.</summary>
public sealed record NeedSource(string Kind, string Id)
{
    public const string Order = "order", Wish = "wish";
}

public static class NeedLimits
{
    public const int DescriptionMax = 500;
    public const int GroupsMax = 5;
    public const int CountMax = 100_000;
    public const int NoteMax = 200;
    public const int UnitNameMax = 60;

    /// <summary>The groups a need may name: broad enough for the seeds' lists, never a person.</summary>
    public static readonly IReadOnlyList<string> Groups = ["老年人", "儿童", "青少年", "残疾人", "困难家庭", "退役军人", "新就业群体", "居民"];

    /// <summary>
    /// The orders' categories (<see cref="ServiceCategory"/>): they hold the seeds' 医疗健康, 法律服务, 党建联建,
    /// 文化教育 and 帮贫解困 already, so needs, resources, orders and units share one list.
    /// </summary>
    public static bool IsCategory(string? code) => ServiceCategory.IsKnown(code);

    /// <summary>A one-off repair is an order's job, not a need for the street's units.</summary>
    public const string OneOffCategory = "repair";
}

public sealed record NeedState
{
    public static readonly NeedState Initial = new();

    public string Id { get; init; } = "";
    public NeedStatus Status { get; init; }
    public int Version { get; init; }
    public string StreetId { get; init; } = "";
    public string CommunityId { get; init; } = "";
    public string Category { get; init; } = "";
    /// <summary>Already masked (phones, ID numbers, house numbers, the source's contact name and address).</summary>
    public string Description { get; init; } = "";
    public IReadOnlyList<Beneficiaries> Beneficiaries { get; init; } = [];
    public NeedSource? Source { get; init; }
    public string? UnitId { get; init; }
    public string? UnitName { get; init; }
    public string? ProjectId { get; init; }
    public string? Note { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset StatusSince { get; init; }
    public DateTimeOffset? MatchedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public Actor? CreatedBy { get; init; }

    public int People => Beneficiaries.Sum(b => b.Count);
}

public abstract record NeedCommand
{
    public required Actor By { get; init; }
}

/// <summary>Staff record a need; with <see cref="Source"/> it is a promotion of a resident's order or wish.</summary>
public sealed record RecordNeed : NeedCommand
{
    public required string NeedId { get; init; }
    public required string StreetId { get; init; }
    public required string CommunityId { get; init; }
    public required string Category { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<Beneficiaries> Beneficiaries { get; init; }
    public NeedSource? Source { get; init; }
    /// <summary>The source's contact name, address and phone, masked out of the description; never stored.</summary>
    public KnownPersonalData? Known { get; init; }
}

/// <summary>对接: a unit and/or a project takes the need on.</summary>
public sealed record MatchNeed : NeedCommand
{
    public string? UnitId { get; init; }
    public string? UnitName { get; init; }
    public string? ProjectId { get; init; }
}

public sealed record MeetNeed : NeedCommand
{
    public required string Note { get; init; }
}

public sealed record CloseNeed : NeedCommand
{
    public required string Reason { get; init; }
}

public abstract record NeedEvent
{
    public required string NeedId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Actor By { get; init; }
}

public sealed record NeedRecorded : NeedEvent
{
    public required string StreetId { get; init; }
    public required string CommunityId { get; init; }
    public required string Category { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<Beneficiaries> Beneficiaries { get; init; }
    public NeedSource? Source { get; init; }
}

public sealed record NeedMatched : NeedEvent
{
    public string? UnitId { get; init; }
    public string? UnitName { get; init; }
    public string? ProjectId { get; init; }
}

public sealed record NeedMet : NeedEvent
{
    public required string Note { get; init; }
}

public sealed record NeedClosed : NeedEvent
{
    public required string Reason { get; init; }
}
