using System.Text.Json;
using Gongjian.Bot.Notifications;
using Gongjian.Bot.Storage;
using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.BotDesk;

/// <summary>
/// Queue function on <c>notifications</c>: the engine's messages to people, delivered by the bot
/// (proactive chat messages, the 接单/拒单 card, group webhooks). A message that is not a
/// notification fails the invocation and ends in <c>notifications-poison</c>. Staff notices go to the
/// console's inbox (<see cref="Engine.NotificationSender.DeliverAsync"/>).
/// </summary>
public static class DeliverNotificationFunction
{
    public static readonly QueueTrigger Trigger = new(QueueNames.Notifications);

    public static async Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct)
    {
        Notification? notification;
        try { notification = JsonSerializer.Deserialize(invocation.Message ?? "", BotJson.Default.Notification); }
        catch (JsonException e) { throw new InvalidDataException($"Message {invocation.MessageId} is not a notification: {e.Message}", e); }
        if (notification is null) throw new InvalidDataException($"Message {invocation.MessageId} is empty.");
        await services.GetRequiredService<Engine.NotificationSender>().DeliverAsync(notification, ct);
    }
}
