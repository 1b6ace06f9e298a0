using Gongjian.Engine;
using System.Text.Json;
using Gongjian.Bot.Notifications;
using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Engine;

/// <summary>Puts notifications on queue <c>notifications</c>. Ids are deterministic, so a re-send is deduped at delivery.</summary>
public sealed class NotificationSender(Gongjian.Engine.QueueSender queues, TimeProvider clock)
{
    public Task SendAsync(string id, string? orderId, Recipient to, string kind, string text, CancellationToken ct, string? title = null, DateTimeOffset? dueAt = null, int? sequence = null)
    {
        var now = clock.GetUtcNow();
        var notification = new Notification
        {
            Id = id, OrderId = orderId, Recipient = to, Kind = kind, Text = text, Title = title, DueAt = dueAt, Sequence = sequence,
            CorrelationId = Correlation.Current, CreatedAt = now,
        };
        return queues.SendAsync(QueueNames.Notifications, JsonSerializer.Serialize(notification, NotificationJson.Default.Notification), now, ct);
    }
}
