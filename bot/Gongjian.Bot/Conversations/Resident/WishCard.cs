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
        _ => again ? WishTexts.BadPhone : WishTexts.AskPhone,
    };

    public static Reply Summary(WishDraft d)
    {
        var lines = new List<string>
        {
            $"类别：{ServiceCategory.NameOf(d.Category)}",
            $"社区：{d.CommunityName}",
            $"地点：{d.Place}",
            $"电话：{d.Phone}",
            $"内容：{d.Text}",
        };
        if (d.Photos.Count > 0) lines.Add($"照片：{d.Photos.Count} 张");
        if (d.Urgent) lines.Insert(0, "紧急程度：紧急");
        var card = new HeroCard(WishTexts.CardTitle, d.Summary, string.Join("\n", lines),
            [Buttons.ImBack(Texts.Submit), Buttons.ImBack(Texts.Revise), Buttons.ImBack(Texts.Cancel)]);
        return new Reply(WishTexts.ConfirmPrompt, [Texts.Submit, Texts.Revise, Texts.Cancel], [card.ToAttachment()]);
    }

    /// <summary>Which field a 修改 choice names ("地点", "电话"…); null when it names none.</summary>
    public static WishSlot? RevisionSlot(string answer) => Intents.Bare(Intents.Normalize(answer)) switch
    {
        "问题描述" or "描述" or "内容" or "问题" => WishSlot.Text,
        "类别" or "分类" or "类型" => WishSlot.Category,
        "社区" => WishSlot.Community,
        "地点" or "地址" or "位置" => WishSlot.Place,
        "电话" or "手机" or "手机号" or "联系电话" => WishSlot.Phone,
        _ => null,
    };
}
