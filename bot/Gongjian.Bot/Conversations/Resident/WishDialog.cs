using Gongjian.Bot.Desk;
using Gongjian.Bot.Storage;
using Gongjian.Understanding;

namespace Gongjian.Bot.Conversations.Resident;

/// <summary>
/// 居民点单 as a few small steps: read the wish, ask only for what is missing (one question at a
/// time), show the summary card, place the order and answer with its number and tracking code.
/// </summary>
public sealed class WishDialog(WishReader reader, IOrderDesk desk, ConversationLinks links)
{
    public Task<TurnResult> StartAsync(Turn turn, CancellationToken ct) =>
        Task.FromResult(TurnResult.Say(turn.Data with { Step = new CollectingWish(new WishDraft(), WishSlot.Text) }, WishTexts.AskText));

    /// <summary>A free-text wish typed without asking first.</summary>
    public async Task<TurnResult> FromTextAsync(Turn turn, CancellationToken ct)
    {
        var communities = await desk.CommunitiesAsync(ct);
        return Next(turn, await WithTextAsync(new WishDraft(), turn.Text, communities, ct), communities);
    }

    public async Task<TurnResult> AnswerAsync(Turn turn, CollectingWish step, CancellationToken ct)
    {
        var communities = await desk.CommunitiesAsync(ct);
        var draft = step.Draft;
        var answer = turn.Text;
        WishDraft? answered = step.Asking switch
        {
            WishSlot.Text => Intents.Bare(answer).Length >= 4 ? await WithTextAsync(draft with { Text = null, Summary = null }, answer, communities, ct) : null,
            WishSlot.Category => WishReader.Category(answer) is { } code ? draft with { Category = code } : null,
            WishSlot.Community => WishReader.Community(answer, communities) is { } c ? draft with { CommunityId = c.Id, CommunityName = c.Name } : null,
            WishSlot.Place => WishReader.Place(answer) is { } place ? draft with { Place = place } : null,
            _ => WishReader.Phone(answer) is { } phone ? draft with { Phone = phone } : null,
        };
        if (answered is null)
            return TurnResult.Say(turn.Data, WishCard.Ask(step.Asking, communities, again: true));
        return Next(turn, answered, communities);
    }

    public async Task<Reply> AskAgainAsync(CollectingWish step, CancellationToken ct) =>
        WishCard.Ask(step.Asking, await desk.CommunitiesAsync(ct));

    public async Task<TurnResult> ReviseAsync(Turn turn, ChoosingRevision step, CancellationToken ct)
    {
        var communities = await desk.CommunitiesAsync(ct);
        if (WishCard.RevisionSlot(turn.Text) is not { } slot)
            return TurnResult.Say(turn.Data, new Reply(WishTexts.AskRevision, WishTexts.RevisionChoices));
        var cleared = slot switch
        {
            WishSlot.Text => step.Draft with { Text = null, Summary = null },
            WishSlot.Category => step.Draft with { Category = null },
            WishSlot.Community => step.Draft with { CommunityId = null, CommunityName = null },
            WishSlot.Place => step.Draft with { Place = null },
            _ => step.Draft with { Phone = null },
        };
        return TurnResult.Say(turn.Data with { Step = new CollectingWish(cleared, slot) }, WishCard.Ask(slot, communities));
    }

    public async Task<TurnResult> ConfirmAsync(Turn turn, ConfirmingWish step, CancellationToken ct)
    {
        var choice = Intents.Bare(Intents.Normalize(turn.Text));
        if (choice is "修改" or "改一下" or "不对")
            return TurnResult.Say(turn.Data with { Step = new ChoosingRevision(step.Draft) }, new Reply(WishTexts.AskRevision, WishTexts.RevisionChoices));
        if (choice is not ("确认提交" or "确认" or "提交" or "对" or "是" or "好" or "好的" or "可以" or "没问题"))
            return TurnResult.Say(turn.Data, WishCard.Summary(step.Draft));

        var d = step.Draft;
        var text = d.Urgent ? "【紧急】" + d.Text : d.Text!;
        var placed = await desk.PlaceAsync(new OrderDraft(text, d.Category!, d.CommunityId!, d.Place!, d.Phone!, d.ContactName, d.Urgent), ct);
        if (placed.Value is not { } order)
            return TurnResult.Say(turn.Data, new Reply(WishTexts.PlaceFailed(placed.Refusal!), [Texts.Revise, Texts.Cancel]));
        await links.LinkOrderAsync(order.OrderId, turn.Reference, ct);
        var data = turn.Data.WithOrder(new ResidentOrder(order.OrderId, order.TrackingCode, d.Summary ?? Shorten(d.Text!))) with { Step = Idle.Instance };
        return TurnResult.Say(data, new Reply(WishTexts.Placed(order.OrderId, order.TrackingCode), Texts.Menu));
    }

    private async Task<WishDraft> WithTextAsync(WishDraft draft, string text, IReadOnlyList<KnownCommunity> communities, CancellationToken ct) =>
        WishReader.Merge(draft with { Text = text }, await reader.UnderstandAsync(text, communities, ct), communities);

    /// <summary>Asks for the next missing field, or shows the summary card when nothing is missing.</summary>
    private static TurnResult Next(Turn turn, WishDraft draft, IReadOnlyList<KnownCommunity> communities) =>
        draft.Missing is { } missing
            ? TurnResult.Say(turn.Data with { Step = new CollectingWish(draft, missing) }, WishCard.Ask(missing, communities))
            : TurnResult.Say(turn.Data with { Step = new ConfirmingWish(draft) }, WishCard.Summary(draft));

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
