using Gongjian.Bot.Conversations.Resident;
using Gongjian.Bot.Desk;
using Gongjian.Bot.Storage;
using Gongjian.Domain.Wishes;
using Gongjian.Understanding;

namespace Gongjian.Bot.Conversations.MicroWishes;

/// <summary>
/// 许个微心愿 in a few small steps, like an order: the wish, its category (read from the words when it can be),
/// the community, a nickname for the wall (optional), the phone; the summary card; submitted through the
/// 微心愿 module. Then 我的心愿 (status in plain words), 撤回 before a claim and 确认 after fulfilment.
/// </summary>
public sealed class MicroWishDialog(IMicroWishDesk wishes, IOrderDesk orders, ConversationLinks links)
{
    public Task<TurnResult> StartAsync(Turn turn) =>
        Task.FromResult(TurnResult.Say(turn.Data with { Step = new PostingMicroWish(new MicroWishDraft(), MicroWishSlot.Text) }, MicroWishTexts.AskText));

    public async Task<TurnResult> AnswerAsync(Turn turn, PostingMicroWish step, CancellationToken ct)
    {
        var communities = await orders.CommunitiesAsync(ct);
        var d = step.Draft;
        // The wish and the nickname are kept as typed (NFKC would turn the Chinese commas into ASCII ones); answers are read normalized.
        var typed = turn.Text.Trim();
        var answer = Intents.Normalize(turn.Text);
        if (step.Asking == MicroWishSlot.Text && typed.Length > WishLimits.TextMax)
            return TurnResult.Say(turn.Data, MicroWishTexts.TextTooLong(WishLimits.TextMax));
        MicroWishDraft? answered = step.Asking switch
        {
            MicroWishSlot.Text => Intents.Bare(answer).Length >= 4 ? d with { Text = typed, Category = d.Category ?? MicroWishCard.GuessCategory(answer) } : null,
            MicroWishSlot.Category => MicroWishCard.Category(answer) is { } code ? d with { Category = code } : null,
            MicroWishSlot.Community => WishReader.Community(answer, communities) is { } c ? d with { CommunityId = c.Id, CommunityName = c.Name } : null,
            MicroWishSlot.Nickname => Nickname(typed) is var (ok, nickname) && ok ? d with { Nickname = nickname, NicknameAnswered = true } : null,
            _ => WishReader.Phone(answer) is { } phone ? d with { Phone = phone } : null,
        };
        if (answered is null) return TurnResult.Say(turn.Data, MicroWishCard.Ask(step.Asking, communities, again: true));
        return Next(turn, answered, communities);
    }

    public async Task<Reply> AskAgainAsync(PostingMicroWish step, CancellationToken ct) =>
        MicroWishCard.Ask(step.Asking, await orders.CommunitiesAsync(ct));

    public async Task<TurnResult> ReviseAsync(Turn turn, ConfirmingMicroWish step, CancellationToken ct)
    {
        if (MicroWishCard.RevisionSlot(turn.Text) is not { } slot)
            return TurnResult.Say(turn.Data, new Reply(MicroWishTexts.AskRevision, MicroWishTexts.RevisionChoices));
        var d = step.Draft;
        var cleared = slot switch
        {
            MicroWishSlot.Text => d with { Text = null },
            MicroWishSlot.Category => d with { Category = null },
            MicroWishSlot.Community => d with { CommunityId = null, CommunityName = null },
            MicroWishSlot.Nickname => d with { Nickname = null, NicknameAnswered = false },
            _ => d with { Phone = null },
        };
        return TurnResult.Say(turn.Data with { Step = new PostingMicroWish(cleared, slot) }, MicroWishCard.Ask(slot, await orders.CommunitiesAsync(ct)));
    }

    public async Task<TurnResult> ConfirmAsync(Turn turn, ConfirmingMicroWish step, CancellationToken ct)
    {
        var choice = Intents.Bare(Intents.Normalize(turn.Text));
        if (MicroWishCard.RevisionSlot(turn.Text) is not null) return await ReviseAsync(turn, step, ct);
        if (choice is "修改" or "改一下" or "不对")
            return TurnResult.Say(turn.Data, new Reply(MicroWishTexts.AskRevision, MicroWishTexts.RevisionChoices));
        if (choice is not ("确认提交" or "确认" or "提交" or "对" or "是" or "好" or "好的" or "可以" or "没问题"))
            return TurnResult.Say(turn.Data, MicroWishCard.Summary(step.Draft));

        var d = step.Draft;
        var posted = await wishes.PostAsync(new MicroWishPost(d.Text!, d.Category!, d.CommunityId!, d.Nickname, d.Phone!, turn.Data.Name, d.Id), ct);
        if (posted.Value is not { } wish)
            return TurnResult.Say(turn.Data, new Reply(MicroWishTexts.PostFailed(posted.Refusal!), [Texts.Revise, Texts.Cancel]));
        // Notices of the wish (published, claimed, fulfilled) reach this conversation, as an order's do.
        await links.LinkOrderAsync(wish.WishId, turn.Reference, ct);
        var data = turn.Data.WithMicroWish(new ResidentMicroWish(wish.WishId, wish.TrackingCode, Shorten(d.Text!))) with { Step = Idle.Instance };
        return TurnResult.Say(data, new Reply(MicroWishTexts.Posted(wish.WishId, wish.TrackingCode, ResidentName.Salutation(data.Name)), [MicroWishTexts.Mine, .. Texts.Menu]));
    }

    public async Task<Reply> ProgressAsync(ConversationData data, CancellationToken ct)
    {
        if (data.MicroWishes.Count == 0) return new Reply(MicroWishTexts.NoWishes, [MicroWishTexts.Post, .. Texts.Menu]);
        var found = await wishes.StatusAsync([.. data.MicroWishes.Select(w => (w.WishId, w.TrackingCode))], ct);
        if (found.Count == 0) return new Reply(MicroWishTexts.NoWishes, [MicroWishTexts.Post, .. Texts.Menu]);
        return new Reply(MicroWishTexts.Progress(found), [.. MicroWishTexts.Actions(found), .. Texts.Menu]);
    }

    public async Task<TurnResult> TrackAsync(Turn turn, string wishId, string trackingCode, CancellationToken ct)
    {
        var found = await wishes.FindAsync(wishId, trackingCode, ct);
        if (found.Value is not { } wish) return TurnResult.Say(turn.Data, new Reply(MicroWishTexts.Failed(found.Refusal!), Texts.Menu));
        await links.LinkOrderAsync(wish.WishId, turn.Reference, ct);
        var data = turn.Data.WithMicroWish(new ResidentMicroWish(wish.WishId, NormalizeCode(trackingCode), wish.Summary));
        return TurnResult.Say(data, new Reply(MicroWishTexts.Tracked(wish), [.. MicroWishTexts.Actions([wish]), .. Texts.Menu]));
    }

    public async Task<Reply> WithdrawAsync(ConversationData data, string wishId, CancellationToken ct)
    {
        if (data.FindMicroWish(wishId) is not { } wish) return new Reply(MicroWishTexts.NoWishes, Texts.Menu);
        var done = await wishes.WithdrawAsync(wish.WishId, wish.TrackingCode, ct);
        return new Reply(done.Succeeded ? MicroWishTexts.Withdrawn(wishId) : MicroWishTexts.Failed(done.Refusal!), Texts.Menu);
    }

    public async Task<Reply> ConfirmFulfilledAsync(ConversationData data, string wishId, CancellationToken ct)
    {
        if (data.FindMicroWish(wishId) is not { } wish) return new Reply(MicroWishTexts.NoWishes, Texts.Menu);
        var done = await wishes.ConfirmAsync(wish.WishId, wish.TrackingCode, ct);
        return new Reply(done.Succeeded ? MicroWishTexts.Confirmed(wishId) : MicroWishTexts.Failed(done.Refusal!), Texts.Menu);
    }

    /// <summary>不用了 → no nickname (某居民); otherwise a short nickname without digits (a phone number is not a nickname).</summary>
    private static (bool Ok, string? Nickname) Nickname(string answer)
    {
        var bare = Intents.Bare(Intents.Normalize(answer));
        if (bare is "不用了" or "不用" or "不填" or "不要" or "没有" or "跳过" or "随便" or "某居民" or "不需要") return (true, null);
        var nickname = answer.Trim();
        return nickname.Length is >= 1 and <= WishLimits.NicknameMax && !nickname.Any(char.IsDigit) ? (true, nickname) : (false, null);
    }

    private static TurnResult Next(Turn turn, MicroWishDraft draft, IReadOnlyList<KnownCommunity> communities) =>
        draft.Missing is { } missing
            ? TurnResult.Say(turn.Data with { Step = new PostingMicroWish(draft, missing) }, MicroWishCard.Ask(missing, communities))
            : TurnResult.Say(turn.Data with { Step = new ConfirmingMicroWish(draft) }, MicroWishCard.Summary(draft));

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private static string NormalizeCode(string code)
    {
        var plain = code.Replace("-", "").ToUpperInvariant();
        return plain.Length == 8 ? $"{plain[..4]}-{plain[4..]}" : code;
    }
}
