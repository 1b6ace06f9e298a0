using Gongjian.Domain.Orders;

namespace Gongjian.Functions.Engine;

/// <summary>A message the outbox owes a queue. <see cref="Id"/> is stable, so consumers can dedupe re-sends.</summary>
public sealed record OutboxMessage(string Queue, string Id, string Body, DateTimeOffset VisibleAt);

/// <summary>
/// One committed order event on queue <c>order-events</c>. No personal data: consumers that need
/// more load the order.
/// </summary>
public sealed record OrderEventMessage
{
    public required string Id { get; init; }
    public required string OrderId { get; init; }
    public required int Sequence { get; init; }
    public required string Type { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string Status { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public string? UnitId { get; init; }
    /// <summary>The unit an event took the order away from (declined, withdrawn).</summary>
    public string? PreviousUnitId { get; init; }
    public string? Category { get; init; }
    public string? Reason { get; init; }
    public string? CorrelationId { get; init; }
}

/// <summary>
/// Remind and Due belong to an SLA step; Erase is the retention timer of a closed order (PIPL), which has
/// no step: its <see cref="TimerMessage.StepStartedAt"/> is when the order closed.
/// </summary>
public enum TimerStage { Remind, Due, Erase }

/// <summary>
/// A durable timer on queue <c>order-timers</c>: becomes visible at <see cref="FireAt"/> (in hops of at
/// most 7 days). It names the step and when the step started, so it does nothing if the order moved on.
/// </summary>
public sealed record TimerMessage
{
    public required string Id { get; init; }
    public required string OrderId { get; init; }
    /// <summary>The SLA step; null for an <see cref="TimerStage.Erase"/> timer.</summary>
    public SlaStep? Step { get; init; }
    public required TimerStage Stage { get; init; }
    public required DateTimeOffset StepStartedAt { get; init; }
    public required DateTimeOffset FireAt { get; init; }
    public string? CorrelationId { get; init; }
}
