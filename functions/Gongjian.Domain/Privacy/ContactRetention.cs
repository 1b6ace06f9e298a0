using Gongjian.Domain.Orders;
using Gongjian.Domain.Workflow;

namespace Gongjian.Domain.Privacy;

/// <summary>
/// PIPL retention of the contacts (names and phones) a module keeps for a while after something ended — a 议事 raiser's,
/// a booker's, an activity's registrants': the module arms <see cref="Timer"/> at the end, the timer runs the module's erase
/// command as the system, and <see cref="Refusal"/> decides it the same way for every module. The erasure event
/// <c>Erases</c>, so the engine rewrites the stored events without the contact (<c>Module.Redacted</c>).
/// </summary>
public static class ContactRetention
{
    /// <summary>How long a contact is kept after the end by default (<c>Privacy:EraseAfter</c> sets it, as for orders).</summary>
    public static TimeSpan DefaultEraseAfter => RetentionPolicy.Default.EraseAfter;

    /// <summary>The retention timer of an end: <paramref name="step"/> names what ended when a module has several (null for the instance).</summary>
    public static TimerSpec Timer(string? step, DateTimeOffset endedAt, TimeSpan eraseAfter) => new(step, TimerStage.Erase, endedAt, endedAt + eraseAfter);

    /// <summary>
    /// Why a retention erase does not go ahead, or null when it does: only the system (the module's timer) erases, and only
    /// for the end the timer was armed for (<paramref name="armedFor"/>) while the contact is still held — else it is stale.
    /// </summary>
    /// <param name="endedAt">When it ended now, or null while it has not.</param>
    /// <param name="what">What changed, in Chinese for the stale refusal (议题, 预约, 活动).</param>
    public static Rejection? Refusal(Actor by, DateTimeOffset? endedAt, DateTimeOffset armedFor, bool held, string what) =>
        by.Role != ActorRole.System ? new Rejection("role_not_allowed", RejectionKind.Forbidden, "联系方式到期由系统自动删除。")
        : !held || endedAt != armedFor ? new Rejection("timer_stale", RejectionKind.Conflict, $"{what}状态已变化，无需删除。")
        : null;
}
