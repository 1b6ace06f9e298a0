using Azure;
using Microsoft.Extensions.Caching.Memory;

namespace Gongjian.Engine;

/// <summary>
/// The state and ETag of each instance as this process last wrote it, so the next command on it
/// need not read it again. Safe because a command only ever saves under the state row's ETag: a
/// state another host changed since fails that write (412) and the command is decided again on a
/// fresh read; and a refusal — by the rules or by authorization — decided on a remembered state is
/// never answered before it is confirmed on a fresh read. Reads that act without writing (timers,
/// views) always read fresh.
/// </summary>
public sealed class StateCache<TState> where TState : class
{
    /// <summary>Instances remembered; an entry unused for <see cref="Idle"/> is dropped (memory, and residents' data in it).</summary>
    private const int Remembered = 10_000;
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _states = new(new MemoryCacheOptions { SizeLimit = Remembered });

    public Loaded<TState>? Get(string id) => _states.TryGetValue(id, out Loaded<TState>? loaded) ? loaded : null;

    public void Remember(string id, TState state, ETag? etag)
    {
        if (etag is not { } tag || tag == default) { _states.Remove(id); return; }
        _states.Set(id, new Loaded<TState>(state, tag) { Cached = true }, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
    }

    public void Forget(string id) => _states.Remove(id);
}
