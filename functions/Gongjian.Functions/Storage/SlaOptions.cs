using Gongjian.Domain.Orders;

namespace Gongjian.Functions.Storage;

/// <summary>
/// Deadlines from configuration (section <c>Sla</c>), e.g. <c>Sla__AcceptWithin=04:00:00</c>,
/// <c>Sla__CompleteWithin__repair=3.00:00:00</c>. Anything unset keeps the default policy.
/// </summary>
public sealed class SlaOptions
{
    public TimeSpan? DispatchWithin { get; set; }
    public TimeSpan? AcceptWithin { get; set; }
    public TimeSpan? ConfirmWithin { get; set; }
    public TimeSpan? CompleteDefault { get; set; }
    public Dictionary<string, TimeSpan> CompleteWithin { get; set; } = [];
    public double? RemindAt { get; set; }

    public SlaPolicy ToPolicy()
    {
        var d = SlaPolicy.Default;
        var policy = new SlaPolicy
        {
            DispatchWithin = DispatchWithin ?? d.DispatchWithin,
            AcceptWithin = AcceptWithin ?? d.AcceptWithin,
            ConfirmWithin = ConfirmWithin ?? d.ConfirmWithin,
            CompleteDefault = CompleteDefault ?? d.CompleteDefault,
            CompleteWithin = SlaPolicy.DefaultCompletion.Concat(CompleteWithin.Where(kv => !SlaPolicy.DefaultCompletion.ContainsKey(kv.Key)))
                .ToDictionary(kv => kv.Key, kv => CompleteWithin.TryGetValue(kv.Key, out var t) ? t : kv.Value),
            RemindAt = RemindAt ?? d.RemindAt,
        };
        if (policy.RemindAt is <= 0 or >= 1) throw new InvalidOperationException("Sla:RemindAt must be between 0 and 1.");
        if (new[] { policy.DispatchWithin, policy.AcceptWithin, policy.ConfirmWithin, policy.CompleteDefault }.Concat(policy.CompleteWithin.Values).Any(t => t <= TimeSpan.Zero))
            throw new InvalidOperationException("Every Sla deadline must be positive.");
        return policy;
    }
}
