using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Engine;

namespace Gongjian.Functions.Tests.Engine.SecondModule;

// A second module on the engine, tiny on purpose: a 微心愿 (small wish) a resident posts for a
// community, a unit claims within a deadline or it expires, then the unit fulfils it. It shares
// every engine mechanism with orders — store, outbox, relay and sweeper, lists, timers, event fan-out,
// message-id idempotency — and copies none of them: this file is all the module there is.

public enum WishStatus { None, Open, Claimed, Fulfilled, Expired }

public sealed record WishState
{
    public string Id { get; init; } = "";
    public WishStatus Status { get; init; }
    public int Version { get; init; }
    public string CommunityId { get; init; } = "";
    public string Text { get; init; } = "";
    public string? UnitId { get; init; }
    public DateTimeOffset PostedAt { get; init; }
    public DateTimeOffset StatusSince { get; init; }
}

public abstract record WishCommand(string By);
public sealed record PostWish(string By, string WishId, string CommunityId, string Text) : WishCommand(By);
public sealed record ClaimWish(string By, string UnitId) : WishCommand(By);
public sealed record FulfilWish(string By) : WishCommand(By);
public sealed record ExpireWish(DateTimeOffset OpenSince) : WishCommand("system");

[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(WishPosted), "posted")]
[JsonDerivedType(typeof(WishClaimed), "claimed")]
[JsonDerivedType(typeof(WishFulfilled), "fulfilled")]
[JsonDerivedType(typeof(WishExpired), "expired")]
public abstract record WishEvent(DateTimeOffset At, string By);
public sealed record WishPosted(DateTimeOffset At, string By, string WishId, string CommunityId, string Text) : WishEvent(At, By);
public sealed record WishClaimed(DateTimeOffset At, string By, string UnitId) : WishEvent(At, By);
public sealed record WishFulfilled(DateTimeOffset At, string By) : WishEvent(At, By);
public sealed record WishExpired(DateTimeOffset At, string By) : WishEvent(At, By);

public sealed class WishModule(TimeSpan claimWithin) : Module<WishState, WishCommand, WishEvent>
{
    public override string Name => "wish";
    public override WishState Initial { get; } = new();
    public override string IdOf(WishState state) => state.Id;
    public override int VersionOf(WishState state) => state.Version;

    public override Verdict<WishEvent> Decide(WishState s, WishCommand command, DateTimeOffset now) => (s.Status, command) switch
    {
        (WishStatus.None, PostWish p) when p.Text.Length is 0 or > 100 => Refuse("text_invalid", RejectionKind.Invalid, "请用 100 字以内写下心愿。"),
        (WishStatus.None, PostWish p) => Accept(new WishPosted(now, p.By, p.WishId, p.CommunityId, p.Text)),
        (_, PostWish) => Refuse("wish_exists", RejectionKind.Conflict, "心愿已存在。"),
        (WishStatus.Open, ClaimWish c) => Accept(new WishClaimed(now, c.By, c.UnitId)),
        (WishStatus.Claimed, FulfilWish f) when f.By == s.UnitId => Accept(new WishFulfilled(now, f.By)),
        (WishStatus.Claimed, FulfilWish) => Refuse("not_claimer", RejectionKind.Forbidden, "只有认领单位可以完成心愿。"),
        (WishStatus.Open, ExpireWish e) when e.OpenSince == s.StatusSince => Accept(new WishExpired(now, "system")),
        _ => Refuse($"wish_{s.Status.ToString().ToLowerInvariant()}", RejectionKind.Conflict, "心愿当前状态不能这样办理。"),
    };

    public override WishState Evolve(WishState s, WishEvent e)
    {
        var next = s with { Version = s.Version + 1 };
        return e switch
        {
            WishPosted p => next with { Id = p.WishId, CommunityId = p.CommunityId, Text = p.Text, Status = WishStatus.Open, PostedAt = p.At, StatusSince = p.At },
            WishClaimed c => next with { Status = WishStatus.Claimed, UnitId = c.UnitId, StatusSince = c.At },
            WishFulfilled f => next with { Status = WishStatus.Fulfilled, StatusSince = f.At },
            WishExpired x => next with { Status = WishStatus.Expired, StatusSince = x.At },
            _ => throw new ArgumentOutOfRangeException(nameof(e)),
        };
    }

    public override AuditEntry Audit(WishEvent e) => new(e.GetType().Name, e.At, e.By == "system" ? "System" : "Staff", e.By, null);

    public override ListPlacement? Lists(WishState s) => s.Status == WishStatus.None ? null : new(
        $"{DateTimeOffset.MaxValue.UtcTicks - s.PostedAt.UtcTicks:D19}-{s.Id}",
        s.UnitId is null ? [$"c-{s.CommunityId}"] : [$"c-{s.CommunityId}", $"u-{s.UnitId}"],
        new Dictionary<string, object?> { ["WishId"] = s.Id, ["Status"] = s.Status.ToString() });

    public override IReadOnlyList<TimerSpec> Timers(WishState s) =>
        s.Status == WishStatus.Open ? [new TimerSpec("Claim", TimerStage.Due, s.StatusSince, s.StatusSince + claimWithin)] : [];

    public override Wake<WishCommand> OnTimer(WishState s, TimerSpec timer, DateTimeOffset now) =>
        s.Status == WishStatus.Open && timer.StartedAt == s.StatusSince ? new Wake<WishCommand>.Run(new ExpireWish(timer.StartedAt)) : new Wake<WishCommand>.Stale();

    public override IReadOnlyDictionary<string, string?> Facts(WishState before, WishState after, WishEvent e) =>
        new Dictionary<string, string?> { ["status"] = after.Status.ToString(), ["unitId"] = after.UnitId };

    private static Verdict<WishEvent> Accept(WishEvent e) => new([e], null);
    private static Verdict<WishEvent> Refuse(string code, RejectionKind kind, string message) => new([], new Rejection(code, kind, message));
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(WishState))]
[JsonSerializable(typeof(WishEvent))]
internal sealed partial class WishJson : JsonSerializerContext;

public sealed class WishStorage(string prefix) : ModuleStorage<WishState, WishEvent>
{
    public override string Table => $"{prefix}wishes";
    public override string ListTable => $"{prefix}wishlist";
    public override string TimerQueue => $"{prefix}-wish-timers";

    public override string SerializeState(WishState state) => JsonSerializer.Serialize(state, WishJson.Default.WishState);
    public override WishState DeserializeState(string json) => JsonSerializer.Deserialize(json, WishJson.Default.WishState)!;
    public override string EventType(WishEvent e) => e.GetType().Name;
    public override string SerializeEvent(WishEvent e) => JsonSerializer.Serialize(e, WishJson.Default.WishEvent);
    public override WishEvent DeserializeEvent(string type, string json) => JsonSerializer.Deserialize(json, WishJson.Default.WishEvent)!;
}
