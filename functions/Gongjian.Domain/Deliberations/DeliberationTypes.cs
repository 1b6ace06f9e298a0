using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Deliberations;

/// <summary>
/// 提审议办评: raised (提) → accepted (审) or declined / answered directly → scheduled (议) → decided → acting (办) →
/// delivered → closed once rated (评). Declined and answered end it.
/// </summary>
public enum DeliberationStatus { None, Raised, Accepted, Declined, Answered, Scheduled, Decided, Acting, Delivered, Closed }

public static class DeliberationStatusText
{
    public static string Code(this DeliberationStatus s) => s switch
    {
        DeliberationStatus.None => "none", DeliberationStatus.Raised => "raised", DeliberationStatus.Accepted => "accepted",
        DeliberationStatus.Declined => "declined", DeliberationStatus.Answered => "answered", DeliberationStatus.Scheduled => "scheduled",
        DeliberationStatus.Decided => "decided", DeliberationStatus.Acting => "acting", DeliberationStatus.Delivered => "delivered",
        _ => "closed",
    };

    public static string Chinese(this DeliberationStatus s) => s switch
    {
        DeliberationStatus.None => "不存在", DeliberationStatus.Raised => "待审核", DeliberationStatus.Accepted => "已受理，待议事",
        DeliberationStatus.Declined => "不予受理", DeliberationStatus.Answered => "已直接答复", DeliberationStatus.Scheduled => "议事中",
        DeliberationStatus.Decided => "已形成决议", DeliberationStatus.Acting => "办理中", DeliberationStatus.Delivered => "已办结，待评议",
        _ => "已结束",
    };

    /// <summary>The step of 提审议办评 the deliberation is at: 1 提 … 5 评.</summary>
    public static int Step(this DeliberationStatus s) => s switch
    {
        DeliberationStatus.None or DeliberationStatus.Raised => 1,
        DeliberationStatus.Accepted or DeliberationStatus.Declined or DeliberationStatus.Answered => 2,
        DeliberationStatus.Scheduled => 3,
        DeliberationStatus.Decided or DeliberationStatus.Acting => 4,
        _ => 5,
    };

    public static bool IsPublic(this DeliberationStatus s) =>
        s is DeliberationStatus.Decided or DeliberationStatus.Acting or DeliberationStatus.Delivered or DeliberationStatus.Closed;
}

/// <summary>Who raised the topic: a resident (chat or page, with a tracking code), a grid worker, a member unit, staff.</summary>
public static class TopicSource
{
    public const string Resident = "resident";
    public const string GridWorker = "grid_worker";
    public const string Unit = "unit";
    public const string Staff = "staff";
    public static readonly IReadOnlyList<string> All = [Resident, GridWorker, Unit, Staff];

    public static string Chinese(string s) => s switch
    {
        Resident => "居民", GridWorker => "网格员", Unit => "共建单位", _ => "社区工作人员",
    };
}

/// <summary>The parties invited to deliberate, and who an opinion comes from.</summary>
public static class DeliberationParty
{
    public const string ResidentRepresentatives = "resident_reps";
    public const string PartyMembers = "party_members";
    public const string PropertyCompany = "property_company";
    public const string Units = "units";
    public const string Residents = "residents";
    public const string Staff = "staff";
    public static readonly IReadOnlyList<string> Invitable = [ResidentRepresentatives, PartyMembers, PropertyCompany, Units];
    public static readonly IReadOnlyList<string> OpinionAuthors = [ResidentRepresentatives, PartyMembers, PropertyCompany, Units, Residents, Staff];

    public static string Chinese(string p) => p switch
    {
        ResidentRepresentatives => "居民代表", PartyMembers => "党员", PropertyCompany => "物业公司", Units => "共建单位",
        Residents => "居民", _ => "社区工作人员",
    };
}

/// <summary>
/// How a 表决 is counted. Both count the votes cast (abstentions included): <see cref="SimpleMajority"/> passes with
/// more than half of them in favour, <see cref="TwoThirds"/> with at least two thirds in favour. No vote cast: not passed.
/// </summary>
public static class VoteRule
{
    public const string SimpleMajority = "simple_majority";
    public const string TwoThirds = "two_thirds";
    public static bool IsKnown(string r) => r is SimpleMajority or TwoThirds;

    public static string Chinese(string r) => r == TwoThirds ? "赞成票达到投票总数（含弃权）的三分之二即通过" : "赞成票超过投票总数（含弃权）的一半即通过";

    public static bool Passes(string rule, VoteTally t) => t.Cast > 0 && (rule == TwoThirds ? t.For * 3 >= t.Cast * 2 : t.For * 2 > t.Cast);
}

public static class VoteChoice
{
    public const string For = "for";
    public const string Against = "against";
    public const string Abstain = "abstain";
    public static bool IsKnown(string c) => c is For or Against or Abstain;
}

public sealed record VoteTally(int For, int Against, int Abstain)
{
    public static readonly VoteTally Empty = new(0, 0, 0);
    public int Cast => For + Against + Abstain;

    public VoteTally Add(string choice) => choice switch
    {
        VoteChoice.For => this with { For = For + 1 },
        VoteChoice.Against => this with { Against = Against + 1 },
        _ => this with { Abstain = Abstain + 1 },
    };
}

/// <summary>A 表决 on the deliberation: the question, the counting rule, when it closes; who voted (person keys, never names).</summary>
public sealed record VoteSpec(string Question, string Rule, DateTimeOffset ClosesAt);

public sealed record Meeting(DateTimeOffset At, string Place, IReadOnlyList<string> Parties, IReadOnlyList<string> UnitIds, DateTimeOffset ScheduledAt);

/// <summary>An opinion (意见): its text masked of phones, ID and house numbers when it was given; the author only by kind.</summary>
public sealed record Opinion(int No, string AuthorKind, string? UnitId, string? PersonKey, string Text, DateTimeOffset At);

public static class ActionKind
{
    public const string Order = "order";
    public const string Project = "project";
}

/// <summary>
/// What the decision says is to be done: a new order (text, category, address; placed through the orders' rules) or an
/// existing project. <see cref="TargetId"/> is the order or project once linked; <see cref="Outcome"/> how it ended.
/// </summary>
public sealed record DecisionAction(int No, string Kind, string Text, string? Category, string? Address, string? ProjectId)
{
    public string? TargetId { get; init; }
    public string? Outcome { get; init; }
    public bool Done => Outcome is not null;
}

public static class ActionOutcome
{
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public static bool IsKnown(string o) => o is Completed or Cancelled;
}

public sealed record Rating(string PersonKey, int Stars, string? Comment, DateTimeOffset At);

public static class DeliberationLimits
{
    public const int TitleMax = 60;
    public const int DescriptionMax = 2000;
    public const int EstateMax = 40;
    public const int ReasonMax = 500;
    public const int PlaceMax = 100;
    public const int QuestionMax = 100;
    public const int OpinionMax = 500;
    public const int OpinionsMax = 300;
    public const int VotesMax = 2000;
    public const int MinutesMax = 4000;
    public const int DecisionMax = 1000;
    public const int ActionsMax = 10;
    public const int ActionTextMax = 500;
    public const int AddressMax = 100;
    public const int CommentMax = 200;
    public const int NameMax = 20;
    public static readonly TimeSpan LongestVote = TimeSpan.FromDays(30);
}

public sealed record DeliberationState
{
    public static readonly DeliberationState Initial = new();

    public string Id { get; init; } = "";
    public int Version { get; init; }
    public DeliberationStatus Status { get; init; }
    public string CommunityId { get; init; } = "";
    public string StreetId { get; init; } = "";
    public string? Estate { get; init; }
    /// <summary>Masked of personal data when raised.</summary>
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string Source { get; init; } = "";
    /// <summary>The raising unit (source unit).</summary>
    public string? UnitId { get; init; }
    /// <summary>A resident's name and phone (personal: staff of the community only) and the hash of their tracking code.</summary>
    public Contact? Contact { get; init; }
    public string? TrackingCodeHash { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
    public string? Reply { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    public Meeting? Meeting { get; init; }
    public VoteSpec? Vote { get; init; }
    public VoteTally Tally { get; init; } = VoteTally.Empty;
    public IReadOnlyList<string> Voters { get; init; } = [];
    public bool VoteClosed { get; init; }
    public bool? VotePassed { get; init; }
    public IReadOnlyList<Opinion> Opinions { get; init; } = [];
    public string? Minutes { get; init; }
    public string? Decision { get; init; }
    public int? Attendees { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public IReadOnlyList<DecisionAction> Actions { get; init; } = [];
    public DateTimeOffset? DeliveredAt { get; init; }
    public IReadOnlyList<Rating> Ratings { get; init; } = [];
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? ContactErasedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public bool VoteOpen => Vote is not null && !VoteClosed;
    /// <summary>When the topic ended — declined, answered or closed —, or null while it is still on its way.</summary>
    public DateTimeOffset? EndedAt => Status switch
    {
        DeliberationStatus.Declined or DeliberationStatus.Answered => ReviewedAt,
        DeliberationStatus.Closed => ClosedAt,
        _ => null,
    };
    public double? AverageRating => Ratings.Count == 0 ? null : Math.Round(Ratings.Average(r => r.Stars), 1);
    public bool AllActionsDone => Actions.Count > 0 && Actions.All(a => a.TargetId is not null && a.Done);
}
