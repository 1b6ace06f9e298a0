using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations;
using Gongjian.Bot.Conversations.MicroWishes;
using Gongjian.Bot.Conversations.Resident;
using Gongjian.Bot.Pipeline;
using Gongjian.Bot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.Notifications;

/// <summary>
/// Delivers the engine's notifications as proactive messages: to the conversation that placed the
/// order (a completion starts the rating), to every conversation bound to a unit or to the reporting grid worker (格事坊 outcomes), to the unit's
/// group webhook, and — for staff notices, which the console's inbox keeps — to the community's or street's group robot. A notice
/// that the order has moved on (accepted, declined, withdrawn, cancelled — whoever it is for) first updates the unit's WeCom cards
/// still showing 接单/婉拒 (<see cref="WeCom.WeComLiveCards"/>; each card once, whichever notice of the event comes first). Each (notification, target) is claimed in the ledger first, so a redelivered
/// message is not sent twice; a failed send gives its claim back and fails the invocation (retry).
/// </summary>
public sealed class NotificationDelivery(
    ConversationLinks links, DeliveryLedger ledger, TurnRunner runner, ActivitySender sender, GroupWebhook webhook,
    WeCom.WeComLiveCards wecomCards, WeChat.WeChatCompletionPhoto wechatPhoto, IOptions<BotOptions> options, ILogger<NotificationDelivery> log)
{
    public const string StaffFooter = "请登录共建工作台处理。";

    public async Task DeliverAsync(Notification n, CancellationToken ct)
    {
        var failures = new List<Exception>();
        if (n.OrderId is { } moved && WeCom.WeComLiveCards.OutcomeOf(n.Kind) is { } outcome)
        {
            try { await wecomCards.SettleAsync(moved, outcome, ct); }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Notification {Id}: the WeCom cards of its order were not updated; retried with it", n.Id);
                failures.Add(e);
            }
        }
        switch (n.Recipient.Kind)
        {
            case RecipientKind.Resident:
                if (await links.OrderConversationAsync(n.OrderId ?? n.Recipient.Id, ct) is not { } resident)
                    log.LogInformation("Notification {Id}: no chat is linked to it (placed or registered elsewhere); nobody to message", n.Id);
                else if (!await sender.ReachesAsync(resident, ct))
                {
                    // The chat ended (retention): writing state for it again would only bring the data back.
                    log.LogInformation("Notification {Id}: the order's chat has ended; forgetting the link", n.Id);
                    await links.ForgetOrderAsync(n.OrderId ?? n.Recipient.Id, ct);
                }
                else
                    await ToResidentChatAsync(resident, n, failures, ct);
                break;
            case RecipientKind.Unit:
                foreach (var liaison in await links.UnitConversationsAsync(n.Recipient.Id, ct))
                    await TryAsync(n, "c." + TableKeys.Hash(liaison.Key), () => sender.SendAsync(liaison, [NotificationCards.ForUnit(n)], null, ct), failures, ct);
                if (options.Value.UnitWebhooks.TryGetValue(n.Recipient.Id, out var url) && url.Length > 0)
                    await TryAsync(n, "w." + n.Recipient.Id, () => webhook.PostAsync(url, NotificationCards.Heading(n), GroupWebhook.Markdown(n, NotificationCards.Heading(n)), ct), failures, ct);
                break;
            case RecipientKind.GridWorker:
                // A 格事坊 outcome (the console's grid inbox has it too): to the chats bound to the worker who reported it.
                foreach (var worker in await links.GridConversationsAsync(n.Recipient.Id, n.WorkerKeyId, ct))
                    await TryAsync(n, "c." + TableKeys.Hash(worker.Key), () => sender.SendAsync(worker, [new Reply(n.Text, Conversations.Grid.GridReportTexts.Menu)], null, ct), failures, ct);
                break;
            case RecipientKind.Dispatcher or RecipientKind.Organizer:
                // The console's inbox has it already (the function app stores it); a configured staff group robot gets it too.
                var robots = n.Recipient.Kind == RecipientKind.Dispatcher ? options.Value.CommunityWebhooks : options.Value.StreetWebhooks;
                if (robots.TryGetValue(n.Recipient.Id, out var staffUrl) && staffUrl.Length > 0)
                {
                    var heading = NotificationCards.StaffHeading(n.Kind);
                    await TryAsync(n, $"w.{n.Recipient.Kind}.{n.Recipient.Id}", () => webhook.PostAsync(staffUrl, heading, GroupWebhook.Markdown(n, heading, StaffFooter), ct), failures, ct);
                }
                break;
        }
        if (failures.Count > 0) throw new AggregateException($"Notification {n.Id} was not delivered everywhere.", failures);
    }

    /// <summary>A notice older than one the chat already showed for the same order is dropped: it would read out of order (接单 after 办结).</summary>
    private async Task ToResidentChatAsync(ConversationReference resident, Notification n, List<Exception> failures, CancellationToken ct)
    {
        var orderId = n.OrderId ?? n.Recipient.Id;
        switch (await ledger.TryClaimNoticeAsync(n.Id, resident.Key, orderId, n.Sequence, ct))
        {
            case NoticeClaim.Superseded:
                log.LogInformation("Notification {Id} (event {Sequence} of order {OrderId}) is older than one already shown; dropped", n.Id, n.Sequence, orderId);
                return;
            case NoticeClaim.Delivered:
                return;
        }
        try
        {
            await ToResidentAsync(resident, n, ct);
        }
        catch (Exception e)
        {
            // Given back also when the caller gave up (its time budget, shutdown): the retry must find it unclaimed.
            await ledger.ReleaseNoticeAsync(n.Id, resident.Key, CancellationToken.None);
            if (e is OperationCanceledException && ct.IsCancellationRequested) throw;
            log.LogWarning(e, "Notification {Id} to a resident's chat failed; it will be retried", n.Id);
            failures.Add(e);
        }
    }

    private async Task ToResidentAsync(ConversationReference to, Notification n, CancellationToken ct)
    {
        var orderId = n.OrderId ?? n.Recipient.Id;
        var replies = await runner.UpdateAsync(to, data =>
        {
            // The notice's deadline replaces the one remembered: a closed order has none left to show.
            var known = data.FindOrder(orderId) is { } order ? data.WithOrder(order with { NextDueAt = n.DueAt }) : data;
            // A fulfilled 微心愿 of this chat: the notice carries the button that confirms it.
            if (n.Kind == "wish_fulfilled" && known.FindMicroWish(orderId) is not null)
                return TurnResult.Say(known, new Reply(n.Text, [$"{MicroWishTexts.ConfirmWord} {orderId}", MicroWishTexts.Mine]));
            if (n.Kind != "completed" || known.FindOrder(orderId) is null) return TurnResult.Say(known, new Reply(n.Text));
            // A resident in the middle of something else is not interrupted: the rating waits for 我的评价.
            return known.Step is Idle
                ? RatingDialog.Begin(known, orderId, n.Text)
                : TurnResult.Say(known, new Reply(n.Text + "\n忙完手头的事后，发送“我的评价”就可以打分。"));
        }, ct);
        // On WeChat the unit's completion photo comes first, then the question whether it is solved. Claimed on its own, so a retry
        // of the notice (the text failed) does not send the photo again; a refused upload or send never fails the notice.
        if (n.Kind == "completed" && WeChat.WeChatChannel.Is(to) && await ledger.TryClaimAsync(n.Id, "wxphoto", ct))
        {
            try { await wechatPhoto.SendAsync(to, orderId, ct); }
            catch
            {
                await ledger.ReleaseAsync(n.Id, "wxphoto", CancellationToken.None);
                throw;
            }
        }
        await sender.SendAsync(to, replies, null, ct);
    }

    private async Task TryAsync(Notification n, string target, Func<Task> send, List<Exception> failures, CancellationToken ct)
    {
        if (!await ledger.TryClaimAsync(n.Id, target, ct)) return;
        try
        {
            await send();
        }
        catch (Exception e)
        {
            await ledger.ReleaseAsync(n.Id, target, CancellationToken.None); // also when the caller gave up: the retry must find it unclaimed
            if (e is OperationCanceledException && ct.IsCancellationRequested) throw;
            log.LogWarning(e, "Notification {Id} to {Target} failed; it will be retried", n.Id, target);
            failures.Add(e);
        }
    }
}
