using System.Text.Json;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Engine;

/// <summary>
/// Queue function on <c>order-events</c>: tells the people concerned (resident, unit, dispatcher,
/// organizer) what happened. Safe to run twice: notification ids derive from the event id.
/// </summary>
public static class NotifyOnOrderEvent
{
    public static readonly QueueTrigger Trigger = new(QueueNames.OrderEvents);

    public static async Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct)
    {
        var message = JsonSerializer.Deserialize(invocation.Message ?? "", EngineJson.Default.OrderEventMessage)
            ?? throw new InvalidDataException("Empty order event message.");
        using var _ = Correlation.Begin(message.CorrelationId);
        var store = services.GetRequiredService<OrderStore>();
        var state = (await store.LoadAsync(message.OrderId, ct))?.State
            ?? throw new InvalidDataException($"Order {message.OrderId} of event {message.Id} does not exist.");
        var directory = await services.GetRequiredService<CommunityDirectory>().GetAsync(ct);
        var community = directory.CommunityName(state.CommunityId);
        var sender = services.GetRequiredService<NotificationSender>();
        var deadline = Sla.Current(state, services.GetRequiredService<SlaPolicy>());
        foreach (var (to, kind, text) in NotificationTexts.For(message, state, community))
        {
            var title = kind == "dispatched" ? $"{ServiceCategory.NameOf(state.Category)}｜{NotificationTexts.Summary(state)}" : null;
            await sender.SendAsync($"{message.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), state.Id, to, kind, text, ct, title, deadline?.DueAt, message.Sequence);
        }
    }
}
