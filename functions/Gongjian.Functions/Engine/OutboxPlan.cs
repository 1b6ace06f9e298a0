using System.Text.Json;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;

namespace Gongjian.Functions.Engine;

/// <summary>
/// What a committed change owes the queues: one <c>order-events</c> message per event and, when the
/// order entered a new SLA step, its reminder and due timers; when it closed, its retention timer
/// (erase the resident's personal data after <see cref="RetentionPolicy.EraseAfter"/>). Written in the same transaction.
/// </summary>
public static class OutboxPlan
{
    public static List<OutboxMessage> For(OrderState before, OrderState after, IReadOnlyList<(OrderEvent Event, int Sequence)> events,
        SlaPolicy policy, RetentionPolicy retention)
    {
        var correlation = Correlation.Current;
        var messages = new List<OutboxMessage>();
        foreach (var (e, sequence) in events)
        {
            var message = new OrderEventMessage
            {
                Id = $"{e.OrderId}:{sequence}", OrderId = e.OrderId, Sequence = sequence, Type = e.GetType().Name,
                OccurredAt = e.OccurredAt, Status = after.Status.Code(), CommunityId = after.CommunityId, StreetId = after.StreetId,
                UnitId = after.UnitId, PreviousUnitId = before.UnitId != after.UnitId ? before.UnitId : null, Category = after.Category,
                Reason = e switch { OrderDeclined d => d.Reason, DispatchWithdrawn w => w.Reason, OrderRejected r => r.Reason, OrderReopened r => r.Reason, _ => null },
                CorrelationId = correlation,
            };
            messages.Add(new OutboxMessage(Hosting.QueueNames.OrderEvents, message.Id, JsonSerializer.Serialize(message, EngineJson.Default.OrderEventMessage), e.OccurredAt));
        }

        var was = Sla.Current(before, policy);
        var now = Sla.Current(after, policy);
        if (now is not null && (was is null || was.Step != now.Step || was.StartedAt != now.StartedAt))
        {
            messages.Add(Timer(after.Id, now, TimerStage.Remind, now.RemindAt, correlation));
            messages.Add(Timer(after.Id, now, TimerStage.Due, now.DueAt, correlation));
        }
        if (!before.Status.IsClosed() && after.Status.IsClosed() && after.ClosedAt is { } closedAt && after.PersonalDataErasedAt is null)
            messages.Add(EraseTimer(after.Id, closedAt, closedAt + retention.EraseAfter, correlation));
        return messages;
    }

    private static OutboxMessage EraseTimer(string orderId, DateTimeOffset closedAt, DateTimeOffset fireAt, string? correlation)
    {
        var timer = new TimerMessage
        {
            Id = $"{orderId}:erase:{closedAt.UtcTicks}".ToLowerInvariant(), OrderId = orderId, Stage = TimerStage.Erase,
            StepStartedAt = closedAt, FireAt = fireAt, CorrelationId = correlation,
        };
        return new OutboxMessage(Hosting.QueueNames.OrderTimers, timer.Id, JsonSerializer.Serialize(timer, EngineJson.Default.TimerMessage), fireAt);
    }

    private static OutboxMessage Timer(string orderId, Deadline d, TimerStage stage, DateTimeOffset fireAt, string? correlation)
    {
        var timer = new TimerMessage
        {
            Id = $"{orderId}:{d.Step}:{d.StartedAt.UtcTicks}:{stage}".ToLowerInvariant(), OrderId = orderId, Step = d.Step,
            Stage = stage, StepStartedAt = d.StartedAt, FireAt = fireAt, CorrelationId = correlation,
        };
        return new OutboxMessage(Hosting.QueueNames.OrderTimers, timer.Id, JsonSerializer.Serialize(timer, EngineJson.Default.TimerMessage), fireAt);
    }
}
