using Gongjian.Domain.Privacy;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Domain.Workflow;

namespace Gongjian.Domain.Orders;

/// <summary>
/// Orders as a module of the engine (module #1): the rules are <see cref="OrderDecider"/> and
/// <see cref="OrderState.Evolve"/>; this class adds what the engine asks of every module — the
/// lists an order appears in, its deadlines (SLA steps and retention) and its timeline.
/// </summary>
public sealed class OrderModule(SlaPolicy policy, RetentionPolicy retention) : Module<OrderState, OrderCommand, OrderEvent>
{
    public SlaPolicy Policy => policy;

    public override string Name => "order";
    public override OrderState Initial => OrderState.Initial;
    public override string IdOf(OrderState state) => state.Id;
    public override int VersionOf(OrderState state) => state.Version;
    public override Verdict<OrderEvent> Decide(OrderState state, OrderCommand command, DateTimeOffset now) => OrderDecider.Decide(state, command, now);
    public override OrderState Evolve(OrderState state, OrderEvent e) => OrderState.Evolve(state, e);

    public override AuditEntry Audit(OrderEvent e) => new(e.GetType().Name, e.OccurredAt, e.By.Role.ToString(), e.By.Id, ReasonOf(e));

    /// <summary>
    /// An order's lists share its street's partition (<see cref="ListAddress"/>), so the community's, the street's and
    /// the unit's row of a change are one entity-group transaction. A unit's list is in the partition of the unit's own
    /// street (where its liaison reads it), which is the order's street unless a unit of another street was dispatched.
    /// </summary>
    public static string CommunityList(string streetId, string communityId) => ListAddress.Within(StreetPartition(streetId), $"c-{communityId}");
    public static string StreetList(string streetId) => ListAddress.Within(StreetPartition(streetId), "s");
    public static string UnitList(string unitStreetId, string unitId) => ListAddress.Within(StreetPartition(unitStreetId), $"u-{unitId}");
    private static string StreetPartition(string streetId) => $"s-{streetId}";

    /// <summary>Newest first: the placement time, inverted.</summary>
    public static string ListKey(OrderState s) => $"{DateTimeOffset.MaxValue.UtcTicks - s.PlacedAt.UtcTicks:D19}-{s.Id}";

    /// <summary>
    /// The community's, the street's and (once dispatched) the unit's list. Lists are read by every role
    /// of the partition, the unit before it accepted included: the summary never holds a phone or house
    /// number the resident typed (masked before cutting, so a cut cannot leave half a number unmasked).
    /// </summary>
    public override ListPlacement? Lists(OrderState s)
    {
        if (s.Status == OrderStatus.None) return null;
        List<string> partitions = [CommunityList(s.StreetId, s.CommunityId), StreetList(s.StreetId)];
        if (s.UnitId is not null) partitions.Add(UnitList(s.UnitStreetId ?? s.StreetId, s.UnitId));
        var deadline = Sla.Current(s, policy);
        return new ListPlacement(ListKey(s), partitions, new Dictionary<string, object?>
        {
            // The current step's deadline, so lists and the daily digest can find overdue orders in one query.
            ["DueAt"] = deadline?.DueAt,
            ["Step"] = deadline?.Step.ToString(),
            // 督办: the current step passed its deadline and went to the street (the organizer's overview lists these).
            ["Escalated"] = deadline is not null && s.EscalatedStep == deadline.Step,
            ["OrderId"] = s.Id,
            ["Status"] = s.Status.Code(),
            ["Category"] = s.Category,
            ["CommunityId"] = s.CommunityId,
            ["UnitId"] = s.UnitId,
            ["UnitName"] = s.UnitName,
            ["Summary"] = Summary(s),
            ["PlacedAt"] = s.PlacedAt,
            ["UpdatedAt"] = s.UpdatedAt,
        });
    }

    public static string Summary(OrderState s)
    {
        var text = FreeTextRedactor.Redact(s.Text, KnownPersonalData.Of(s));
        return text.Length <= 60 ? text : text[..60] + "…";
    }

    /// <summary>
    /// The current SLA step's reminder and due timers; once closed, the retention timer (erase the
    /// resident's personal data <see cref="RetentionPolicy.EraseAfter"/> after closing).
    /// </summary>
    public override IReadOnlyList<TimerSpec> Timers(OrderState s)
    {
        if (Sla.Current(s, policy) is { } d)
            return [new(d.Step.ToString(), TimerStage.Remind, d.StartedAt, d.RemindAt), new(d.Step.ToString(), TimerStage.Due, d.StartedAt, d.DueAt)];
        if (s.Status.IsClosed() && s.ClosedAt is { } closedAt && s.PersonalDataErasedAt is null)
            return [new(null, TimerStage.Erase, closedAt, closedAt + retention.EraseAfter)];
        return [];
    }

    /// <summary>
    /// Erase: the rules decide (a reopened or already erased order refuses it). Remind and due only in
    /// the step they were armed for: 催办 the one responsible, or let the rules expire the deadline.
    /// </summary>
    public override Wake<OrderCommand> OnTimer(OrderState s, TimerSpec timer, DateTimeOffset now)
    {
        if (timer.Stage == TimerStage.Erase)
            return new Wake<OrderCommand>.Run(new ErasePersonalData { By = Actor.System, Reason = "保存期限届满", ClosedAt = timer.StartedAt });
        var deadline = Sla.Current(s, policy);
        if (deadline is null || !Enum.TryParse<SlaStep>(timer.Step, out var step) || deadline.Step != step || deadline.StartedAt != timer.StartedAt)
            return new Wake<OrderCommand>.Stale();
        return timer.Stage == TimerStage.Remind
            ? new Wake<OrderCommand>.Remind()
            : new Wake<OrderCommand>.Run(new ExpireDeadline { By = Actor.System, Step = step, StepStartedAt = timer.StartedAt, Policy = policy });
    }

    public override IReadOnlyDictionary<string, string?> Facts(OrderState before, OrderState after, OrderEvent e) => new Dictionary<string, string?>
    {
        ["status"] = after.Status.Code(),
        ["communityId"] = after.CommunityId,
        ["streetId"] = after.StreetId,
        ["unitId"] = after.UnitId,
        ["previousUnitId"] = before.UnitId != after.UnitId ? before.UnitId : null,
        ["category"] = after.Category,
        ["reason"] = e switch { OrderDeclined d => d.Reason, DispatchWithdrawn w => w.Reason, OrderRejected r => r.Reason, OrderReopened r => r.Reason, _ => null },
    };

    public override OrderEvent? Redacted(OrderEvent e) => PersonalDataRedaction.Redact(e);
    public override bool Erases(OrderEvent e) => e is PersonalDataErased;
    public override IEnumerable<string> BlobsToDelete(OrderEvent e) => e is PersonalDataErased x ? x.PhotoIds : [];

    private static string? ReasonOf(OrderEvent e) => e switch
    {
        OrderDeclined d => d.Reason, DispatchWithdrawn w => w.Reason, OrderRejected r => r.Reason, OrderReopened r => r.Reason,
        OrderCancelled c => c.Reason, PersonalDataErased x => x.Reason, _ => null,
    };
}
