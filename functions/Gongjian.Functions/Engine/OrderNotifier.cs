using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Engine;
using Gongjian.Functions.Communities;

namespace Gongjian.Functions.Engine;

/// <summary>
/// The order module's fan-out: tells the people concerned (resident, unit, dispatcher, organizer)
/// what happened, and 催办 the one responsible when a reminder comes due. Safe to run twice:
/// notification ids derive from the event or timer id.
/// </summary>
public sealed class OrderNotifier(CommunityDirectory directory, NotificationSender sender, OrderModule module) : INotifier<OrderState>
{
    public async Task NotifyAsync(EventMessage message, OrderState state, CancellationToken ct)
    {
        var community = (await directory.GetAsync(ct)).CommunityName(state.CommunityId);
        var deadline = Sla.Current(state, module.Policy);
        foreach (var (to, kind, text) in NotificationTexts.For(message, state, community))
        {
            var title = kind == "dispatched" ? $"{ServiceCategory.NameOf(state.Category)}｜{NotificationTexts.Summary(state)}" : null;
            await sender.SendAsync($"{message.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), state.Id, to, kind, text, ct, title, deadline?.DueAt, message.Sequence);
        }
    }

    public async Task RemindAsync(TimerMessage timer, OrderState state, CancellationToken ct)
    {
        var deadline = Sla.Current(state, module.Policy)!;
        var (to, text) = NotificationTexts.Reminder(state, deadline, (await directory.GetAsync(ct)).CommunityName(state.CommunityId));
        await sender.SendAsync($"{timer.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), state.Id, to, "reminder", text, ct, dueAt: deadline.DueAt,
            sequence: state.Version);
    }
}
