using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.Resident;

/// <summary>评价: 1–5 stars, then an optional comment; or 重新办理 with a reason when the problem is not solved.</summary>
public sealed class RatingDialog(IOrderDesk desk)
{
    private static readonly string[] StarChoices = [.. Texts.Stars, Texts.Reopen];

    public static TurnResult Begin(ConversationData data, string orderId, string? notice) =>
        TurnResult.Say(data with { Step = new RatingOrder(orderId) }, new Reply(ResidentTexts.RatePrompt(orderId, notice), StarChoices));

    /// <summary>我的评价: the first of this conversation's orders that waits for a rating.</summary>
    public async Task<TurnResult> MyRatingsAsync(Turn turn, CancellationToken ct)
    {
        var statuses = await desk.StatusAsync([.. turn.Data.Orders.Select(o => o.OrderId)], ct);
        return statuses.FirstOrDefault(o => o.Status == "completed") is { } waiting
            ? Begin(turn.Data, waiting.OrderId, $"工单 {waiting.OrderId}（{waiting.Summary}）已办结。")
            : TurnResult.Say(turn.Data, new Reply(ResidentTexts.NothingToRate, Texts.Menu));
    }

    public async Task<TurnResult> AnswerAsync(Turn turn, RatingOrder step, CancellationToken ct)
    {
        var bare = Intents.Bare(Intents.Normalize(turn.Text));
        if (bare is "重新办理" or "没解决" or "没有解决" or "不满意重新办理")
            return TurnResult.Say(turn.Data with { Step = new ReopeningOrder(step.OrderId) }, ResidentTexts.AskReopenReason);
        if (step.Stars is null)
        {
            return (Stars(bare) ?? StarSymbols(turn.Text)) is { } stars
                ? TurnResult.Say(turn.Data with { Step = step with { Stars = stars } }, new Reply(ResidentTexts.AskComment, [Texts.Skip]))
                : TurnResult.Say(turn.Data, new Reply(ResidentTexts.BadStars, StarChoices));
        }
        var comment = bare is "跳过" or "没有" or "无" or "不用了" || bare.Length == 0 ? null : Intents.Normalize(turn.Text);
        if (turn.Data.FindOrder(step.OrderId) is not { } order) return TurnResult.Say(turn.Data with { Step = Idle.Instance }, ResidentTexts.NoOrders);
        var done = await desk.ConfirmAsync(order.OrderId, order.TrackingCode, step.Stars.Value, comment, ct);
        var reply = done.Succeeded ? ResidentTexts.Thanks : ResidentTexts.Failed(done.Refusal!);
        return TurnResult.Say(turn.Data with { Step = Idle.Instance }, new Reply(reply, Texts.Menu));
    }

    public async Task<TurnResult> ReopenAsync(Turn turn, ReopeningOrder step, CancellationToken ct)
    {
        var reason = Intents.Normalize(turn.Text);
        if (Intents.Bare(reason).Length < 2) return TurnResult.Say(turn.Data, ResidentTexts.ReasonTooShort);
        if (turn.Data.FindOrder(step.OrderId) is not { } order) return TurnResult.Say(turn.Data with { Step = Idle.Instance }, ResidentTexts.NoOrders);
        var done = await desk.ReopenAsync(order.OrderId, order.TrackingCode, reason, ct);
        var reply = done.Succeeded ? ResidentTexts.Reopened(order.OrderId) : ResidentTexts.Failed(done.Refusal!);
        return TurnResult.Say(turn.Data with { Step = Idle.Instance }, new Reply(reply, Texts.Menu));
    }

    /// <summary>"5", "5分", "五星", "非常满意" → 5.</summary>
    public static int? Stars(string bare) => bare switch
    {
        "1" or "1分" or "一分" or "1星" or "一星" or "很不满意" or "非常不满意" => 1,
        "2" or "2分" or "两分" or "二分" or "2星" or "两星" or "不满意" => 2,
        "3" or "3分" or "三分" or "3星" or "三星" or "一般" => 3,
        "4" or "4分" or "四分" or "4星" or "四星" or "满意" => 4,
        "5" or "5分" or "五分" or "5星" or "五星" or "非常满意" or "很满意" => 5,
        _ => null,
    };

    /// <summary>"★★★★" → 4.</summary>
    private static int? StarSymbols(string text) =>
        text.Trim() is { Length: >= 1 and <= 5 } t && t.All(c => c == '★') ? t.Length : null;
}
