using System.Text.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Engine;

/// <summary>
/// Queue function on <c>order-timers</c>: a deadline came due. Early (a hop of a long wait): re-arm.
/// Stale (the order left that step): nothing. Reminder: 催办 the one responsible. Due: let the rules
/// decide (withdraw an unaccepted dispatch, close an unrated order, or escalate to the street).
/// Erase (retention, PIPL): let the rules erase the resident's personal data of the order closed at
/// the timer's <c>StepStartedAt</c>; a reopened or already erased order refuses it by rule.
/// </summary>
public static class OnOrderTimer
{
    public static readonly QueueTrigger Trigger = new(QueueNames.OrderTimers);

    public static async Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct)
    {
        var timer = JsonSerializer.Deserialize(invocation.Message ?? "", EngineJson.Default.TimerMessage)
            ?? throw new InvalidDataException("Empty timer message.");
        using var _ = Correlation.Begin(timer.CorrelationId);
        var clock = services.GetRequiredService<TimeProvider>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OnOrderTimer));
        if (timer.FireAt > clock.GetUtcNow())
        {
            await services.GetRequiredService<QueueSender>().SendAsync(QueueNames.OrderTimers, invocation.Message!, timer.FireAt, ct);
            return;
        }
        Observability.OrderMetrics.TimerFired(timer, clock.GetUtcNow());

        var store = services.GetRequiredService<OrderStore>();
        if (timer.Stage == TimerStage.Erase)
        {
            var erased = await store.ExecuteAsync(timer.OrderId,
                new ErasePersonalData { By = Actor.System, Reason = "保存期限届满", ClosedAt = timer.StepStartedAt }, ct);
            if (erased.Rejection is { } refused) log.LogInformation("Timer {TimerId} did nothing: {Code}", timer.Id, refused.Code);
            return;
        }
        var policy = services.GetRequiredService<SlaPolicy>();
        var loaded = await store.LoadAsync(timer.OrderId, ct);
        var deadline = loaded is null ? null : Sla.Current(loaded.Value.State, policy);
        if (deadline is null || timer.Step is not { } step || deadline.Step != step || deadline.StartedAt != timer.StepStartedAt)
        {
            log.LogDebug("Timer {TimerId} is stale: order {OrderId} left step {Step}", timer.Id, timer.OrderId, timer.Step);
            return;
        }
        var state = loaded!.Value.State;
        if (timer.Stage == TimerStage.Remind)
        {
            var directory = await services.GetRequiredService<CommunityDirectory>().GetAsync(ct);
            var (to, text) = NotificationTexts.Reminder(state, deadline, directory.CommunityName(state.CommunityId));
            await services.GetRequiredService<NotificationSender>().SendAsync($"{timer.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), state.Id, to, "reminder", text, ct, dueAt: deadline.DueAt,
                sequence: state.Version);
            return;
        }
        var outcome = await store.ExecuteAsync(timer.OrderId,
            new ExpireDeadline { By = Actor.System, Step = step, StepStartedAt = timer.StepStartedAt, Policy = policy }, ct, loaded);
        Observability.OrderMetrics.DeadlineExpired(state.StreetId, outcome.Events);
        if (outcome.Rejection is { } r)
            log.LogInformation("Timer {TimerId} did nothing: {Code}", timer.Id, r.Code);
    }
}
