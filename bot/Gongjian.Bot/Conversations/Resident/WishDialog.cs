using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations.Liaison;
using Gongjian.Bot.Desk;
using Gongjian.Bot.DirectLine;
using Gongjian.Bot.Storage;
using Gongjian.Domain.Orders;
using Gongjian.Understanding;

namespace Gongjian.Bot.Conversations.Resident;

/// <summary>
/// 居民点单 as a few small steps: read the wish, ask only for what is missing (one question at a
/// time), show the summary card, place the order and answer with its number and tracking code.
/// Photos sent along the way (or as the very first message) are checked, staged and attached to the order.
/// </summary>
public sealed class WishDialog(WishReader reader, IOrderDesk desk, ConversationLinks links, PhotoReader photos)
{
    /// <summary>Whether a photo sent in this step belongs to a wish (a new one when idle).</summary>
    public static bool TakesPhotos(DialogStep step) => step is Idle or CollectingWish or ChoosingRevision or ConfirmingWish;

    /// <summary>
    /// A message with files while idle or taking a wish: the photos are checked and kept with the draft
    /// (or refused, in Chinese, with nothing kept), then the message's text is handled as it would be
    /// without them — or, with no text, the pending question is asked again.
    /// </summary>
    public async Task<TurnResult> PhotosAsync(Turn turn, CancellationToken ct)
    {
        var step = turn.Data.Step;
        var draft = step switch { CollectingWish s => s.Draft, ChoosingRevision s => s.Draft, ConfirmingWish s => s.Draft, _ => NewDraft(turn.Data) };
        var (kept, notice) = await KeepPhotosAsync(turn, draft, ct);
        var data = turn.Data with
        {
            Step = step switch
            {
                CollectingWish s => s with { Draft = kept },
                ChoosingRevision s => s with { Draft = kept },
                ConfirmingWish s => s with { Draft = kept },
                _ => step,
            },
        };
        var next = turn with { Data = data };
        var hasText = turn.Text.Length > 0;
        // Words sent with a photo while idle describe the wish, unless they are a command ("我要点单").
        var describes = Intents.Bare(turn.Text).Length >= 4 && Intents.Parse(turn.Text, turn.Activity.Value).Kind == IntentKind.None;
        if (step is Idle && kept.Photos.Count == 0 && !describes)
            return TurnResult.Say(data, new Reply(notice, Texts.Menu));
        var result = data.Step switch
        {
            CollectingWish s when hasText => await AnswerAsync(next, s, ct),
            CollectingWish s => TurnResult.Say(data, await AskAgainAsync(s, ct)),
            ChoosingRevision s when hasText => await ReviseAsync(next, s, ct),
            ChoosingRevision => TurnResult.Say(data, new Reply(WishTexts.AskRevision, WishTexts.RevisionChoices)),
            ConfirmingWish s when hasText => await ConfirmAsync(next, s, ct),
            ConfirmingWish s => TurnResult.Say(data, WishCard.Summary(s.Draft)),
            // Idle: the photo starts the wish, with its words when there are enough of them.
            _ when describes => await FromTextAsync(next, kept, ct),
            _ => TurnResult.Say(data with { Step = new CollectingWish(kept, WishSlot.Text) }, WishTexts.AskText),
        };
        return new TurnResult(result.Data, [notice, .. result.Replies]);
    }

    /// <summary>
    /// A shared location (WeChat 位置, a Place entity) while idle or taking a wish: it becomes the draft's place,
    /// then the next missing field is asked (a new wish starts with its text), or the summary card shows again.
    /// </summary>
    public async Task<TurnResult> PlaceSharedAsync(Turn turn, SharedPlace place, CancellationToken ct)
    {
        var text = place.AsText();
        var notice = WishTexts.PlaceShared(text);
        var communities = await desk.CommunitiesAsync(ct);
        var draft = turn.Data.Step switch
        {
            CollectingWish s => s.Draft, ChoosingRevision s => s.Draft, ConfirmingWish s => s.Draft, _ => NewDraft(turn.Data),
        } with { Place = text };
        if (turn.Data.Step is Idle)
            return TurnResult.Say(turn.Data with { Step = new CollectingWish(draft, WishSlot.Text) }, notice, WishTexts.AskText);
        return WithNotice(notice, Next(turn, draft, communities));
    }

    public Task<TurnResult> StartAsync(Turn turn, CancellationToken ct) =>
        Task.FromResult(TurnResult.Say(turn.Data with { Step = new CollectingWish(NewDraft(turn.Data), WishSlot.Text) }, WishTexts.AskText));

    /// <summary>
    /// A free-text wish typed without asking first — or the button of a problem told earlier in the same message as a
    /// placed wish: its card, filled in already.
    /// </summary>
    public async Task<TurnResult> FromTextAsync(Turn turn, CancellationToken ct)
    {
        if (SeveralProblems.Pressed(turn.Text, turn.Data.LaterWishes) is not { } pressed)
            return await FromTextAsync(turn, NewDraft(turn.Data), ct);
        var data = turn.Data with { LaterWishes = [.. turn.Data.LaterWishes.Where(w => w != pressed)] };
        return Next(turn with { Data = data }, pressed, await desk.CommunitiesAsync(ct));
    }

    /// <summary>A new wish knows the resident's 称呼 when the conversation does.</summary>
    private static WishDraft NewDraft(ConversationData data) => new() { ContactName = data.Name };

    private async Task<TurnResult> FromTextAsync(Turn turn, WishDraft draft, CancellationToken ct)
    {
        var communities = await desk.CommunitiesAsync(ct);
        var (drafted, notice) = await WithTextAsync(draft, turn.Text, communities, ct);
        return WithNotice(notice, Next(turn, drafted, communities));
    }

    private static TurnResult WithNotice(string? notice, TurnResult result) =>
        notice is null ? result : new TurnResult(result.Data, [notice, .. result.Replies]);

    public async Task<TurnResult> AnswerAsync(Turn turn, CollectingWish step, CancellationToken ct)
    {
        var communities = await desk.CommunitiesAsync(ct);
        var draft = step.Draft;
        var answer = turn.Text;
        string? notice = null;
        WishDraft? answered = null;
        if (step.Asking == WishSlot.Text)
        {
            if (Intents.Bare(answer).Length >= 4)
                (answered, notice) = await WithTextAsync(draft with { Text = null, Summary = null }, answer, communities, ct);
        }
        else answered = step.Asking switch
        {
            WishSlot.Category => WishReader.Category(answer) is { } code ? draft with { Category = code } : null,
            WishSlot.Community => WishReader.Community(answer, communities) is { } c ? draft with { CommunityId = c.Id, CommunityName = c.Name } : null,
            WishSlot.Place => WishReader.Place(answer) is { } place ? draft with { Place = place } : null,
            WishSlot.Name => ResidentName.Answer(answer) is { } name ? draft with { ContactName = name } : null,
            _ => WishReader.Phone(answer) is { } phone ? draft with { Phone = phone } : null,
        };
        if (answered is null)
            return TurnResult.Say(turn.Data, WishCard.Ask(step.Asking, communities, again: true));
        return WithNotice(notice, Next(turn, answered, communities));
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
            WishSlot.Name => step.Draft with { ContactName = null },
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
        {
            // The answer to "怎么称呼您" (asked with the card): noted; the card just above stays the one to press
            // (showing it again would put the same fields on the screen twice).
            if (ResidentName.Answer(turn.Text) is { } name)
                return TurnResult.Say(turn.Data with { Step = new ConfirmingWish(step.Draft with { ContactName = name }), Name = name, NameAsked = true },
                    WishTexts.NameNoted(name) + WishTexts.PressSubmitAbove);
            return TurnResult.Say(turn.Data, WishCard.Summary(step.Draft));
        }

        var d = step.Draft;
        var text = d.Urgent ? "【紧急】" + d.Text : d.Text!;
        var placed = await desk.PlaceAsync(new OrderDraft(text, d.Category!, d.CommunityId!, d.Place!, d.Phone!, d.ContactName, d.Urgent, d.Photos, d.Id), ct);
        if (placed.Value is not { } order)
            return TurnResult.Say(turn.Data, new Reply(WishTexts.PlaceFailed(placed.Refusal!), [Texts.Revise, Texts.Cancel]));
        await links.LinkOrderAsync(order.OrderId, turn.Reference, ct);
        var data = turn.Data.WithOrder(new ResidentOrder(order.OrderId, order.TrackingCode, d.Summary ?? Shorten(d.Text!))) with
        {
            Step = Idle.Instance, Name = d.ContactName ?? turn.Data.Name,
        };
        var placedText = WishTexts.Placed(order.OrderId, order.TrackingCode, ResidentName.Salutation(data.Name));
        var later = SeveralProblems.StillToPlace(d, turn.Data.LaterWishes);
        data = data with { LaterWishes = later };
        if (later.Count > 0)
            return TurnResult.Say(data, new Reply(SeveralProblems.PlacedWithLater(placedText, later.Count), [.. later.Select(w => w.Summary!), .. Texts.Menu]));
        return TurnResult.Say(data, new Reply(placedText, Texts.Menu));
    }

    /// <summary>Reads the message's photos and stages them; the draft with their ids, and what to tell the resident.</summary>
    private async Task<(WishDraft Draft, string Notice)> KeepPhotosAsync(Turn turn, WishDraft draft, CancellationToken ct)
    {
        var read = await photos.ReadAsync(turn.Activity, mayDownload: !DirectLineChannel.IsLocal(turn.Reference), ct);
        if (read.Problem is { } problem) return (draft, problem);
        if (read.Photos.Count == 0) return (draft, Texts.UnsupportedAttachment);
        if (draft.Photos.Count + read.Photos.Count > OrderLimits.PhotosMax) return (draft, WishTexts.TooManyPhotos(draft.Photos.Count));
        var staged = await desk.StagePhotosAsync(read.Photos, ct);
        if (staged.Value is not { } ids) return (draft, WishTexts.PhotoRefused(staged.Refusal!));
        var kept = draft with { Photos = [.. draft.Photos, .. ids.Ids] };
        return (kept, WishTexts.PhotosKept(kept.Photos.Count));
    }

    private async Task<(WishDraft Draft, string? Notice)> WithTextAsync(WishDraft draft, string text, IReadOnlyList<KnownCommunity> communities, CancellationToken ct) =>
        SeveralProblems.TakeFirst(draft with { Text = text }, await reader.UnderstandAsync(text, communities, ct), communities);

    /// <summary>Asks for the next missing field, or shows the summary card when nothing is missing.</summary>
    /// <summary>
    /// Asks for the next missing field, or shows the summary card when nothing is missing. Without a
    /// 称呼, the card's text asks for it — once per conversation, and pressing 确认提交 skips it.
    /// </summary>
    private static TurnResult Next(Turn turn, WishDraft draft, IReadOnlyList<KnownCommunity> communities)
    {
        if (draft.Missing is { } missing)
            return TurnResult.Say(turn.Data with { Step = new CollectingWish(draft, missing) }, WishCard.Ask(missing, communities));
        var askName = draft.ContactName is null && !turn.Data.NameAsked;
        return TurnResult.Say(turn.Data with { Step = new ConfirmingWish(draft), NameAsked = turn.Data.NameAsked || askName }, WishCard.Summary(draft, askName));
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
