using Azure;
using Gongjian.Domain.Workflow;

namespace Gongjian.Engine;

/// <summary>An instance's state as read, with the ETag its next change must match.</summary>
public sealed record Loaded<TState>(TState State, ETag ETag)
{
    /// <summary>Remembered from this process's last write (<see cref="StateCache{TState}"/>), not read now: a refusal on it must be confirmed fresh.</summary>
    public bool Cached { get; init; }
}

/// <summary>What happened to a command: the instance after it and the new events, or why it was refused.</summary>
/// <param name="Replayed">The command's message id had already been carried out: nothing new happened.</param>
public sealed record Outcome<TState, TEvent>(TState State, IReadOnlyList<TEvent> Events, Rejection? Rejection, bool Replayed = false)
{
    public bool Succeeded => Rejection is null;
}

/// <summary>A note in an instance's partition about something that did NOT change it.</summary>
public sealed record JournalNote(DateTimeOffset At, string Code, string Text);

/// <summary>The state, its full history and the journal notes, read in one partition query.</summary>
public sealed record History<TState, TEvent>(TState State, IReadOnlyList<TEvent> Events, IReadOnlyList<JournalNote> Notes);
