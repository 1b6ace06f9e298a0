using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongjian.Functions.Deliberations;

public sealed record ContactInput(string Name, string Phone);

/// <summary>Staff or a unit's liaison raise a topic; staff may record a resident's (source <c>resident</c>, with their contact) or a grid worker's.</summary>
public sealed record RaiseDeliberationRequest
{
    public required string CommunityId { get; init; }
    public string? Estate { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary><c>resident</c>, <c>grid_worker</c>, <c>unit</c> or <c>staff</c>; by default <c>unit</c> for a liaison, <c>staff</c> otherwise.</summary>
    public string? Source { get; init; }
    public ContactInput? Contact { get; init; }
}

/// <summary>A resident raises a topic without a key: their name and phone are for the community's staff only.</summary>
public sealed record RaisePublicRequest
{
    public required string CommunityId { get; init; }
    public string? Estate { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required string Name { get; init; }
    public required string Phone { get; init; }
}

/// <summary>The answer to a resident's topic: the tracking code appears here only, not in a replay.</summary>
public sealed record RaisedView(string Id, string Status, string StatusText, string Message, string? TrackingCode);

public sealed record ReasonRequest { public required string Reason { get; init; } }
public sealed record AnswerRequest { public required string Answer { get; init; } }

public sealed record VoteInput
{
    public required string Question { get; init; }
    /// <summary><c>simple_majority</c> or <c>two_thirds</c> (of the votes cast, abstentions included).</summary>
    public required string Rule { get; init; }
    public required DateTimeOffset ClosesAt { get; init; }
}

public sealed record ScheduleRequest
{
    public required DateTimeOffset At { get; init; }
    public required string Place { get; init; }
    /// <summary><c>resident_reps</c>, <c>party_members</c>, <c>property_company</c>, <c>units</c>.</summary>
    public required IReadOnlyList<string> Parties { get; init; }
    public IReadOnlyList<string>? UnitIds { get; init; }
    public VoteInput? Vote { get; init; }
}

/// <summary>With a staff key: any party's opinion (<c>authorKind</c>); a liaison: its unit's. Without a key: a resident's, with their phone.</summary>
public sealed record OpinionRequest
{
    public string? AuthorKind { get; init; }
    public required string Text { get; init; }
    public string? Phone { get; init; }
}

/// <summary>Without a key: a resident by phone (one vote per phone). With a liaison's key: the unit's vote.</summary>
public sealed record VoteRequest
{
    /// <summary><c>for</c>, <c>against</c> or <c>abstain</c>.</summary>
    public required string Choice { get; init; }
    public string? Phone { get; init; }
}

public sealed record ActionInput
{
    /// <summary><c>order</c> (a new order: text, category, address) or <c>project</c> (an existing project of the street).</summary>
    public required string Kind { get; init; }
    public string? Text { get; init; }
    public string? Category { get; init; }
    public string? Address { get; init; }
    public string? ProjectId { get; init; }
}

public sealed record DecisionRequest
{
    public required string Minutes { get; init; }
    public required string Decision { get; init; }
    public int? Attendees { get; init; }
    public required IReadOnlyList<ActionInput> Actions { get; init; }
}

/// <summary>Who the units call about the orders (the community's contact for the decision).</summary>
public sealed record CreateOrdersRequest { public required ContactInput Contact { get; init; } }

public sealed record RatingRequest
{
    public required string Phone { get; init; }
    public required int Stars { get; init; }
    public string? Comment { get; init; }
}

public sealed record MeetingView(DateTimeOffset At, string Place, IReadOnlyList<string> Parties, IReadOnlyList<string> PartyNames, IReadOnlyList<string> UnitIds);

public sealed record VoteView(string Question, string Rule, string RuleText, DateTimeOffset ClosesAt, bool Closed, int For, int Against, int Abstain, int Cast, bool? Passed);

public sealed record OpinionView(int No, string AuthorKind, string Author, string? UnitId, string Text, DateTimeOffset At);

public sealed record ActionView(int No, string Kind, string Text, string? Category, string? Address, string? ProjectId, string? TargetId, string? Outcome, string StatusText);

public sealed record RatingView(int Stars, string? Comment, DateTimeOffset At);

public sealed record DeliberationView
{
    public required string Id { get; init; }
    public required string Status { get; init; }
    public required string StatusText { get; init; }
    public required int Step { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public string? Estate { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Source { get; init; }
    public required string SourceText { get; init; }
    public string? UnitId { get; init; }
    /// <summary>The resident who raised it: unmasked for the community's staff only.</summary>
    public ContactInput? Contact { get; init; }
    public required bool ContactVisible { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
    public string? Reply { get; init; }
    public MeetingView? Meeting { get; init; }
    public VoteView? Vote { get; init; }
    public required IReadOnlyList<OpinionView> Opinions { get; init; }
    public string? Minutes { get; init; }
    public string? Decision { get; init; }
    public int? Attendees { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public required IReadOnlyList<ActionView> Actions { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public required IReadOnlyList<RatingView> Ratings { get; init; }
    public double? RatingAverage { get; init; }
    public required int Version { get; init; }
}

/// <summary>A list row: counts, never a name or phone.</summary>
public sealed record DeliberationListItem(string Id, string Status, string StatusText, int Step, string Title, string CommunityId, string? Estate,
    string Source, DateTimeOffset RaisedAt, DateTimeOffset? MeetingAt, int OpinionCount, int ActionCount, int ActionsDone, int RatingCount, double? RatingAverage);

public sealed record DeliberationPage(IReadOnlyList<DeliberationListItem> Items);

public sealed record CreatedOrder(int ActionNo, string OrderId, string? TrackingCode);

/// <summary>The orders a decision became; their tracking codes appear here once (for the contact who confirms them).</summary>
public sealed record CreatedOrders(DeliberationView Deliberation, IReadOnlyList<CreatedOrder> Orders);

/// <summary>What a resident following their topic by its tracking code sees: the step and what was said, nothing of others.</summary>
public sealed record ProgressView(string Id, string Title, string Status, string StatusText, int Step, string StepName, string? Reply,
    DateTimeOffset? MeetingAt, string? Place, string? Decision, int ActionCount, int ActionsDone, bool CanRate, string Message);

/// <summary>The deliberation API's bodies, source-generated with the API's strict request options (see <c>ApiJson</c>).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(RaiseDeliberationRequest))]
[JsonSerializable(typeof(RaisePublicRequest))]
[JsonSerializable(typeof(RaisedView))]
[JsonSerializable(typeof(ReasonRequest))]
[JsonSerializable(typeof(AnswerRequest))]
[JsonSerializable(typeof(ScheduleRequest))]
[JsonSerializable(typeof(OpinionRequest))]
[JsonSerializable(typeof(VoteRequest))]
[JsonSerializable(typeof(DecisionRequest))]
[JsonSerializable(typeof(CreateOrdersRequest))]
[JsonSerializable(typeof(RatingRequest))]
[JsonSerializable(typeof(DeliberationView))]
[JsonSerializable(typeof(DeliberationPage))]
[JsonSerializable(typeof(CreatedOrders))]
[JsonSerializable(typeof(ProgressView))]
public sealed partial class DeliberationApiJson : JsonSerializerContext
{
    /// <summary>As <c>ApiJson.Web</c>: Chinese stays readable.</summary>
    public static DeliberationApiJson Web => s_web ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static DeliberationApiJson? s_web;
}
