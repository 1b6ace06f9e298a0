using System.Text.Json;
using Gongjian.Bot.Notifications;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.StaffInbox;

namespace Gongjian.Functions.Engine;

/// <summary>
/// Delivers a notification at once, in process (the bot's <see cref="NotificationDelivery"/>: chat,
/// cards, group webhooks); only when that fails does it go on queue <c>notifications</c>, whose
/// function retries it and, after five failures, leaves it in <c>notifications-poison</c>. A queue
/// message per notice would cost a send, a receive and a delete on every change; most notices reach
/// their people (or have nobody to reach) the first time. Ids are deterministic and every target is
/// claimed in the delivery ledger, so a retry — from the queue or a repeated relay — sends nothing twice.
/// A delivery in process is not cut short by a time budget of its own: cancelling it midway could leave a
/// send that did happen unrecorded (a duplicate on retry) or a claim taken by a write that did happen. The
/// chat and webhook clients' own timeouts (10 s) bound it; past those, the queue takes over.
/// Staff notices (dispatchers, organizers) are stored in the console's inbox (<see cref="StaffNotices"/>, once per
/// id) and, where a community or street has a group robot, posted there too by the bot.
/// </summary>
public sealed class NotificationSender(Lazy<NotificationDelivery> delivery, StaffNotices inbox, QueueSender queues, TimeProvider clock, ILogger<NotificationSender> log)
{
    public async Task SendAsync(string id, string? orderId, Recipient to, string kind, string text, CancellationToken ct, string? title = null, DateTimeOffset? dueAt = null,
        int? sequence = null, string? workerKeyId = null)
    {
        var now = clock.GetUtcNow();
        var notification = new Notification
        {
            Id = id, OrderId = orderId, Recipient = to, Kind = kind, Text = text, Title = title, DueAt = dueAt, Sequence = sequence, WorkerKeyId = workerKeyId,
            CorrelationId = Correlation.Current, CreatedAt = now,
        };
        try
        {
            await DeliverAsync(notification, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Notification {Id} not delivered at once; queued for retry", id);
            await queues.SendAsync(QueueNames.Notifications, JsonSerializer.Serialize(notification, NotificationJson.Default.Notification), now, ct);
        }
    }

    /// <summary>
    /// Where a notice goes: a staff notice into its inbox first, then the bot (chat, cards, group robots — a staff
    /// notice only to the community's or street's robot, if one is configured). Also the queue function's path: a
    /// retry finds the inbox row there already and the robot's delivery claimed or not.
    /// </summary>
    public async Task DeliverAsync(Notification notification, CancellationToken ct)
    {
        if (StaffNotices.IsStaff(notification.Recipient.Kind) && !await inbox.StoreAsync(notification, ct))
            log.LogInformation("Notification {Id} is already in the inbox of {Kind} {Recipient}", notification.Id, notification.Recipient.Kind, notification.Recipient.Id);
        await delivery.Value.DeliverAsync(notification, ct);
    }
}
