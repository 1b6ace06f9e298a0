namespace Gongjian.Domain.Orders;

/// <summary>The steps of the cycle that have a deadline, and who must act in each.</summary>
public enum SlaStep { Dispatch, Accept, Complete, Confirm }

/// <summary>The deadline of the step an order is in: when it started, when to remind, when it is due.</summary>
public sealed record Deadline(SlaStep Step, DateTimeOffset StartedAt, DateTimeOffset RemindAt, DateTimeOffset DueAt)
{
    public bool IsOverdue(DateTimeOffset now) => now >= DueAt;
}

/// <summary>How long each step may take. Completion depends on the category; the rest is fixed.</summary>
public sealed record SlaPolicy
{
    public TimeSpan DispatchWithin { get; init; } = TimeSpan.FromHours(24);
    public TimeSpan AcceptWithin { get; init; } = TimeSpan.FromHours(4);
    public TimeSpan ConfirmWithin { get; init; } = TimeSpan.FromDays(7);
    public TimeSpan CompleteDefault { get; init; } = TimeSpan.FromDays(7);
    public IReadOnlyDictionary<string, TimeSpan> CompleteWithin { get; init; } = DefaultCompletion;
    /// <summary>Share of the allowed time after which the one responsible is reminded (催办).</summary>
    public double RemindAt { get; init; } = 0.75;

    public static readonly IReadOnlyDictionary<string, TimeSpan> DefaultCompletion = new Dictionary<string, TimeSpan>
    {
        ["repair"] = TimeSpan.FromHours(72), ["environment"] = TimeSpan.FromHours(48), ["parking"] = TimeSpan.FromHours(72),
        ["elderly"] = TimeSpan.FromHours(48), ["health"] = TimeSpan.FromHours(72), ["legal"] = TimeSpan.FromDays(7),
        ["children"] = TimeSpan.FromDays(7), ["hardship"] = TimeSpan.FromDays(7), ["culture"] = TimeSpan.FromDays(14),
        ["safety"] = TimeSpan.FromHours(72), ["party"] = TimeSpan.FromDays(14), ["other"] = TimeSpan.FromDays(7),
    };

    public static readonly SlaPolicy Default = new();

    public TimeSpan Allowed(SlaStep step, string? category) => step switch
    {
        SlaStep.Dispatch => DispatchWithin,
        SlaStep.Accept => AcceptWithin,
        SlaStep.Complete => category is not null && CompleteWithin.TryGetValue(category, out var t) ? t : CompleteDefault,
        SlaStep.Confirm => ConfirmWithin,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };
}

public static class Sla
{
    /// <summary>The step the order waits on and its deadline; null when nobody owes anything (closed orders).</summary>
    public static Deadline? Current(OrderState s, SlaPolicy policy)
    {
        SlaStep? step = s.Status switch
        {
            OrderStatus.Placed or OrderStatus.Declined => SlaStep.Dispatch,
            OrderStatus.Dispatched => SlaStep.Accept,
            OrderStatus.Accepted or OrderStatus.Reopened => SlaStep.Complete,
            OrderStatus.Completed => SlaStep.Confirm,
            _ => null,
        };
        if (step is not { } current) return null;
        var allowed = policy.Allowed(current, s.Category);
        return new Deadline(current, s.StatusSince, s.StatusSince + allowed * policy.RemindAt, s.StatusSince + allowed);
    }

    public static string Chinese(this SlaStep step) => step switch
    {
        SlaStep.Dispatch => "派单",
        SlaStep.Accept => "接单",
        SlaStep.Complete => "办结",
        SlaStep.Confirm => "评价",
        _ => "处理",
    };
}
