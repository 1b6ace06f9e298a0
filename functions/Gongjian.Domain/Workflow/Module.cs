namespace Gongjian.Domain.Workflow;

/// <summary>
/// A workflow module: the pure rules of one kind of record the platform keeps (an order, a wish, an
/// activity…). The engine (<c>Gongjian.Engine</c>) stores its events, keeps its lists, arms its
/// timers, relays its events to its notifier and keeps its timeline; the module only says what is
/// allowed and what follows from it. Nothing here does I/O. See docs/MODULES.md.
/// </summary>
public abstract class Module<TState, TCommand, TEvent>
    where TState : class where TCommand : class where TEvent : class
{
    /// <summary>Lower-case, one word (<c>order</c>): names the module's spans, metrics and logs.</summary>
    public abstract string Name { get; }

    /// <summary>The state of an instance before its first event.</summary>
    public abstract TState Initial { get; }

    public abstract string IdOf(TState state);

    /// <summary>How many events the instance has; the next event gets Version + 1.</summary>
    public abstract int VersionOf(TState state);

    /// <summary>The rules: the events a command leads to, or why it is refused. Runs once per attempt.</summary>
    public abstract Verdict<TEvent> Decide(TState state, TCommand command, DateTimeOffset now);

    public abstract TState Evolve(TState state, TEvent e);

    /// <summary>Who did it, when and why: the timeline and audit of any module.</summary>
    public abstract AuditEntry Audit(TEvent e);

    /// <summary>Where the instance appears in lists (views), or null for nowhere.</summary>
    public virtual ListPlacement? Lists(TState state) => null;

    /// <summary>
    /// The timers the instance waits on now (deadlines, retention). A timer in the new state that
    /// was not in the old one is armed when the change commits.
    /// </summary>
    public virtual IReadOnlyList<TimerSpec> Timers(TState state) => [];

    /// <summary>A timer came due (never early: the engine re-arms early ones).</summary>
    public virtual Wake<TCommand> OnTimer(TState state, TimerSpec timer, DateTimeOffset now) => new Wake<TCommand>.Stale();

    /// <summary>
    /// What consumers of an event learn without loading the instance (ids, status, a reason): the
    /// event message is stored in a queue, so nothing personal beyond what a notice may say.
    /// </summary>
    public virtual IReadOnlyDictionary<string, string?> Facts(TState before, TState after, TEvent e) => new Dictionary<string, string?>();

    /// <summary>PIPL: a copy of a stored event without personal data, or null when it holds none.</summary>
    public virtual TEvent? Redacted(TEvent e) => null;

    /// <summary>
    /// PIPL, for an instance holding several people's data erased at different times (a booking ledger's bookers): a copy of
    /// a stored event without what the erasure took, given the state after it (<paramref name="erased"/>), or null when the
    /// event keeps nothing erased. By default every personal datum goes (<see cref="Redacted(TEvent)"/>).
    /// </summary>
    public virtual TEvent? Redacted(TState erased, TEvent e) => Redacted(e);

    /// <summary>An erasure: every earlier event holding personal data is rewritten in the same transaction.</summary>
    public virtual bool Erases(TEvent e) => false;

    /// <summary>Blob names (in the module's container) deleted once the event is committed, e.g. erased photos.</summary>
    public virtual IEnumerable<string> BlobsToDelete(TEvent e) => [];

    /// <summary>The replay of a whole history, as the store does it.</summary>
    public TState Replay(IEnumerable<TEvent> events) => events.Aggregate(Initial, Evolve);
}
