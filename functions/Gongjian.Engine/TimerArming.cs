using System.Text.Json;
using Gongjian.Domain.Workflow;

namespace Gongjian.Engine;

/// <summary>
/// One queue message per deadline that comes first: of an instance's timers only the earliest is
/// armed (a step's reminder, not also its due time); when it fires, the timer consumer arms the
/// next one of the instance as it is then. A step finished before its first timer never sends the
/// others, and a finished step leaves one stale message behind, not two. Retention (<see cref="TimerStage.Erase"/>) timers
/// are no step's deadlines: each is armed on its own when it appears (<see cref="ToArm"/>) and never through that chain, so an
/// instance with several (a booking ledger's bookings) or with a deadline that came to nothing still erases on time.
/// </summary>
public static class TimerArming
{
    /// <summary>Of the timers that just appeared: the earliest deadline (remind, due), and every retention timer.</summary>
    public static IEnumerable<TimerSpec> ToArm(IEnumerable<TimerSpec> appeared)
    {
        var list = appeared.ToList();
        return Earliest(list.Where(t => t.Stage != TimerStage.Erase)).Concat(list.Where(t => t.Stage == TimerStage.Erase));
    }

    /// <summary>The timers that fire first among <paramref name="timers"/> (all of them when several share that time).</summary>
    public static IEnumerable<TimerSpec> Earliest(IEnumerable<TimerSpec> timers)
    {
        var list = timers.ToList();
        if (list.Count == 0) return [];
        var first = list.Min(t => t.FireAt);
        return list.Where(t => t.FireAt == first);
    }

    /// <summary>The deadlines of <paramref name="current"/> that come after <paramref name="fired"/>, earliest first only (retention timers are armed already).</summary>
    public static IEnumerable<TimerSpec> After(IEnumerable<TimerSpec> current, TimerSpec fired) =>
        Earliest(current.Where(t => t.Stage != TimerStage.Erase && t.FireAt > fired.FireAt && t.Key != fired.Key));

    public static OutboxMessage Message(string queue, string id, TimerSpec t, string? correlation)
    {
        var timer = new TimerMessage
        {
            Id = $"{id}:{t.Key}", InstanceId = id, Step = t.Step, Stage = t.Stage, StepStartedAt = t.StartedAt, FireAt = t.FireAt,
            CorrelationId = correlation,
        };
        return new OutboxMessage(queue, timer.Id, JsonSerializer.Serialize(timer, EngineJson.Default.TimerMessage), t.FireAt);
    }
}
