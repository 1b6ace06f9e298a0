using Gongjian.Bot.Activities;
using Gongjian.Domain.Community;
using Gongjian.Understanding;

namespace Gongjian.Bot.Conversations.Resident;

/// <summary>The questions of the wish dialog and the summary card the resident confirms.</summary>
public static class WishCard
{
    public static Reply Ask(WishSlot slot, IReadOnlyList<KnownCommunity> communities, bool again = false) => slot switch
    {
        WishSlot.Text => again ? WishTexts.TextTooShort : WishTexts.AskText,
        WishSlot.Category => new Reply(again ? WishTexts.BadCategory : WishTexts.AskCategory, [.. ServiceCategory.All.Select(c => c.Name)]),
        WishSlot.Community => new Reply(again ? WishTexts.BadCommunity : WishTexts.AskCommunity, [.. communities.Select(c => c.Name)]),
        WishSlot.Place => again ? WishTexts.BadPlace : WishTexts.AskPlace,
        WishSlot.Name => again ? WishTexts.BadName : WishTexts.AskName,
        _ => again ? WishTexts.BadPhone : WishTexts.AskPhone,
    };

    /// <summary>
    /// The summary the resident confirms: one card, each field on its own line, the wish's words once,
    /// the buttons once (on the card, no suggested actions beside it). <paramref name="askName"/>: the
    /// text above also asks, once, how to address the resident — answering is optional.
    /// </summary>
    public static Reply Summary(WishDraft d, bool askName = false)
    {
        var facts = new List<(string, string)>();
        if (d.Urgent) facts.Add(("紧急程度", "紧急"));
        facts.Add(("问题", d.Text ?? ""));
        facts.Add(("类别", ServiceCategory.NameOf(d.Category)));
        facts.Add(("社区", d.CommunityName ?? ""));
        facts.Add(("地点", d.Place ?? ""));
        facts.Add(("电话", d.Phone ?? ""));
        if (d.ContactName is { Length: > 0 } name) facts.Add(("称呼", name));
        if (d.Photos.Count > 0) facts.Add(("照片", $"{d.Photos.Count} 张"));
        var card = AdaptiveCards.Facts(WishTexts.CardTitle, facts, [Texts.Submit, Texts.Revise, Texts.Cancel]);
        return new Reply(askName ? WishTexts.ConfirmPrompt + "\n" + WishTexts.AskNameWithCard : WishTexts.ConfirmPrompt, null, [card]);
    }

    /// <summary>Which field a 修改 choice names ("地点", "电话"…); null when it names none.</summary>
    public static WishSlot? RevisionSlot(string answer) => Intents.Bare(Intents.Normalize(answer)) switch
    {
        "问题描述" or "描述" or "内容" or "问题" => WishSlot.Text,
        "类别" or "分类" or "类型" => WishSlot.Category,
        "社区" => WishSlot.Community,
        "地点" or "地址" or "位置" => WishSlot.Place,
        "电话" or "手机" or "手机号" or "联系电话" => WishSlot.Phone,
        "称呼" or "名字" or "姓名" or "怎么称呼" => WishSlot.Name,
        _ => null,
    };
}
