using Gongjian.Bot.Desk;
using Gongjian.Bot.Storage;

namespace Gongjian.Bot.Conversations.Resident;

/// <summary>"我的单子到哪了": the status and next deadline of this conversation's orders; an order named with its tracking code is added.</summary>
public sealed class ProgressDialog(IOrderDesk desk, ConversationLinks links)
{
    public async Task<Reply> ProgressAsync(ConversationData data, CancellationToken ct)
    {
        if (data.Orders.Count == 0) return new Reply(ResidentTexts.NoOrders, Texts.Menu);
        var found = await desk.StatusAsync([.. data.Orders.Select(o => o.OrderId)], ct);
        if (found.Count == 0) return new Reply(ResidentTexts.NoOrders, Texts.Menu);
        // A deadline the engine announced (reminders carry one) is shown when the desk knows none.
        var withDue = found.Select(o => ResidentTexts.IsOpen(o.Status) ? o with { NextDueAt = o.NextDueAt ?? data.FindOrder(o.OrderId)?.NextDueAt } : o).ToList();
        return new Reply(ResidentTexts.Progress(withDue), Texts.Menu);
    }

    public async Task<TurnResult> TrackAsync(Turn turn, string orderId, string trackingCode, CancellationToken ct)
    {
        var found = await desk.FindAsync(orderId, trackingCode, ct);
        if (found.Value is not { } order) return TurnResult.Say(turn.Data, new Reply(ResidentTexts.Failed(found.Refusal!), Texts.Menu));
        await links.LinkOrderAsync(order.OrderId, turn.Reference, ct);
        var data = turn.Data.WithOrder(new ResidentOrder(order.OrderId, Normalize(trackingCode), order.Summary));
        return TurnResult.Say(data, new Reply(ResidentTexts.Tracked(order), Texts.Menu));
    }

    /// <summary>"取消工单 GJ…": the resident withdraws an order of this conversation before a unit has accepted it.</summary>
    public async Task<Reply> CancelOrderAsync(ConversationData data, string orderId, CancellationToken ct)
    {
        if (data.FindOrder(orderId) is not { } order) return new Reply(ResidentTexts.NoOrders, Texts.Menu);
        var cancelled = await desk.CancelAsync(order.OrderId, order.TrackingCode, "居民在聊天中取消", ct);
        return new Reply(cancelled.Succeeded ? $"已取消工单 {orderId}。" : ResidentTexts.Failed(cancelled.Refusal!), Texts.Menu);
    }

    private static string Normalize(string code)
    {
        var plain = code.Replace("-", "").ToUpperInvariant();
        return plain.Length == 8 ? $"{plain[..4]}-{plain[4..]}" : code;
    }
}
