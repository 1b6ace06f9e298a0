namespace Gongjian.Domain.Workflow;

/// <summary>
/// Reminder and due belong to a step with a deadline; erase is the retention timer of a closed
/// instance (PIPL), which has no step: its <see cref="TimerSpec.StartedAt"/> is when it closed.
/// </summary>
public enum TimerStage { Remind, Due, Erase }

/// <summary>
/// A durable timer an instance waits on. It names the step and when the step started, so when it
/// fires after the instance moved on, the module refuses it as stale.
/// </summary>
/// <param name="Step">
/// The module's name for the step (e.g. <c>Accept</c>); null for <see cref="TimerStage.Erase"/>, unless the instance erases
/// several people's data each at its own time (a booking ledger's <c>erase-{bookingId}</c>).
/// </param>
public sealed record TimerSpec(string? Step, TimerStage Stage, DateTimeOffset StartedAt, DateTimeOffset FireAt)
{
    /// <summary>Stable within the instance: the same step, start and stage is the same timer.</summary>
    public string Key => (Step is null ? $"{Stage}:{StartedAt.UtcTicks}" : $"{Step}:{StartedAt.UtcTicks}:{Stage}").ToLowerInvariant();
}

/// <summary>What a module does when one of its timers comes due.</summary>
public abstract record Wake<TCommand>
{
    private Wake() { }

    /// <summary>The instance left the step (or never had it): nothing to do.</summary>
    public sealed record Stale : Wake<TCommand>;

    /// <summary>Remind the one responsible (催办): the module's notifier writes the notice.</summary>
    public sealed record Remind : Wake<TCommand>;

    /// <summary>Let the rules decide: the command goes through Decide like any other.</summary>
    public sealed record Run(TCommand Command) : Wake<TCommand>;
}
