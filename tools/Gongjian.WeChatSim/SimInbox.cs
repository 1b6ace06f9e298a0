namespace Gongjian.WeChatSim;

/// <summary>
/// What a simulator's people saw and did, in order: both sides of each person's conversation, and a wait that every change
/// wakes. <paramref name="owner"/> says whose an entry is; <paramref name="sentByThem"/> marks what the person sent (kept for
/// transcripts, left out of <see cref="Received"/>).
/// </summary>
public sealed class SimInbox<T>(Func<T, string> owner, Func<T, bool> sentByThem, string who)
{
    private readonly object _gate = new();
    private readonly List<T> _entries = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What <paramref name="id"/> received.</summary>
    public IReadOnlyList<T> Received(string id)
    {
        lock (_gate) return [.. _entries.Where(e => owner(e) == id && !sentByThem(e))];
    }

    /// <summary>Both sides, in order: what <paramref name="id"/> sent and what they received.</summary>
    public IReadOnlyList<T> Conversation(string id)
    {
        lock (_gate) return [.. _entries.Where(e => owner(e) == id)];
    }

    /// <summary>Waits until what <paramref name="id"/> received satisfies <paramref name="condition"/>, up to <paramref name="timeout"/> (30 s).</summary>
    public async Task<IReadOnlyList<T>> WaitForAsync(string id, Func<IReadOnlyList<T>, bool> condition, Func<T, string> describe, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var mine = _entries.Where(e => owner(e) == id && !sentByThem(e)).ToList();
                if (condition(mine)) return mine;
                changed = _changed.Task;
            }
            try { await changed.WaitAsync(cts.Token); }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The {who}'s inbox never got there:\n" + string.Join("\n", Received(id).Select(describe)));
            }
        }
    }

    public void Add(T entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            var changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }
}
