namespace Gongjian.Domain.Workflow;

/// <summary>What a module's Decide answers: the events to append, or why nothing happens.</summary>
public sealed record Verdict<TEvent>(IReadOnlyList<TEvent> Events, Rejection? Rejection)
{
    public bool IsAccepted => Rejection is null;
}
