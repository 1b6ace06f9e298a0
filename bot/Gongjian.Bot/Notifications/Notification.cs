namespace Gongjian.Bot.Notifications;

/// <summary>Who a notification is for: a resident (by order), a unit's liaisons, a community's dispatchers or a street's organizers.</summary>
public enum RecipientKind { Resident, Unit, Dispatcher, Organizer, GridWorker }

public sealed record Recipient(RecipientKind Kind, string Id);

/// <summary>
/// A message to people, produced by the fulfilment engine on queue <c>notifications</c> (JSON, camelCase properties,
/// enums as their names, read case-insensitively) and delivered by the bot (proactive messages) and group webhooks.
/// <see cref="Id"/> is unique per (order, event, recipient): delivering the same id twice must not message twice.
/// </summary>
public sealed record Notification
{
    public required string Id { get; init; }
    public string? OrderId { get; init; }
    public required Recipient Recipient { get; init; }
    /// <summary>
    /// What happened: placed, dispatched, accepted, declined, withdrawn, completed, confirmed, reopened,
    /// cancelled, rejected, reminder, escalation, digest; for a resident's 微心愿 (<see cref="Recipient"/> id = the wish's id,
    /// no order id): wish_published, wish_rejected, wish_claimed, wish_released, wish_fulfilled (the last brings the 确认 button).
    /// </summary>
    public required string Kind { get; init; }
    /// <summary>The sentence people read, in Chinese, already free of data the recipient may not see.</summary>
    public required string Text { get; init; }
    /// <summary>For a unit's "dispatched" notification: the order's category name and summary for the 接单/拒单 card.</summary>
    public string? Title { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    /// <summary>
    /// The order event this notice tells about (a reminder: the order's last event). A resident's chat never
    /// shows a notice older than the last one it showed for the same order (queues do not keep order).
    /// </summary>
    public int? Sequence { get; init; }
    /// <summary>
    /// For a grid worker's notice (a 格事坊 outcome): the key id of the worker it is about (the reporter). Only the chats
    /// bound to that key are told; the grid's console inbox keeps it for the grid. None: every worker of the grid.
    /// </summary>
    public string? WorkerKeyId { get; init; }
    public string? CorrelationId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
