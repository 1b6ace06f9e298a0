using Gongjian.Bot.Activities;
using Gongjian.Domain.Wishes;
using Gongjian.Understanding;

namespace Gongjian.Bot.Conversations.MicroWishes;

/// <summary>The questions of the 微心愿 dialog, the category read from the wish's words, and the summary card.</summary>
public static class MicroWishCard
{
    // A wish names what it needs; the first category whose words it contains is taken, otherwise the resident picks.
    private static readonly (string Code, string[] Words)[] CategoryWords =
    [
        ("care", ["轮椅", "拐杖", "助行", "助听", "老花镜", "护理床", "坐便椅", "残疾"]),
        ("study", ["书包", "文具", "学习用品", "课本", "练习册", "台灯", "辅导", "字典", "学费", "上学", "作业"]),
        ("service", ["理发", "上门", "剪头", "打扫", "修剪", "陪诊", "陪同", "送餐"]),
        ("health", ["体检", "药品", "买药", "看病", "血压计", "血糖", "义诊", "康复", "按摩"]),
        ("culture", ["图书", "看书", "电影", "演出", "乐器", "画笔", "旅游", "参观", "照相", "全家福"]),
        ("daily", ["衣服", "棉被", "被子", "大米", "面粉", "食用油", "电饭锅", "电风扇", "冰箱", "生活用品", "鞋", "羽绒服", "床垫"]),
    ];

    public static string? GuessCategory(string text) => CategoryWords.FirstOrDefault(c => c.Words.Any(text.Contains)).Code;

    public static string? Category(string answer)
    {
        var bare = Intents.Bare(Intents.Normalize(answer));
        return WishCategory.All.FirstOrDefault(c => bare == c.Value || bare == c.Key).Key
            ?? WishCategory.All.FirstOrDefault(c => c.Key != "other" && bare.Length >= 2 && (c.Value.Contains(bare) || bare.Contains(c.Value))).Key;
    }

    public static Reply Ask(MicroWishSlot slot, IReadOnlyList<KnownCommunity> communities, bool again = false) => slot switch
    {
        MicroWishSlot.Text => again ? MicroWishTexts.TextTooShort : MicroWishTexts.AskText,
        MicroWishSlot.Category => new Reply(again ? MicroWishTexts.BadCategory : MicroWishTexts.AskCategory, [.. WishCategory.All.Values]),
        MicroWishSlot.Community => new Reply(again ? MicroWishTexts.BadCommunity : MicroWishTexts.AskCommunity, [.. communities.Select(c => c.Name)]),
        MicroWishSlot.Nickname => new Reply(again ? MicroWishTexts.BadNickname(WishLimits.NicknameMax) : MicroWishTexts.AskNickname, [MicroWishTexts.NoNickname]),
        _ => again ? MicroWishTexts.BadPhone : MicroWishTexts.AskPhone,
    };

    /// <summary>One card: each field on its own line, the buttons once (no suggested actions beside it), as for orders.</summary>
    public static Reply Summary(MicroWishDraft d)
    {
        List<(string, string)> facts =
        [
            ("心愿", d.Text ?? ""),
            ("类别", d.Category is { } c ? WishCategory.NameOf(c) : ""),
            ("社区", d.CommunityName ?? ""),
            ("墙上昵称", d.Nickname ?? "某居民"),
            ("电话", (d.Phone ?? "") + "（仅社区可见）"),
        ];
        var card = AdaptiveCards.Facts(MicroWishTexts.CardTitle, facts, [Texts.Submit, Texts.Revise, Texts.Cancel]);
        return new Reply(MicroWishTexts.ConfirmPrompt, null, [card]);
    }

    public static MicroWishSlot? RevisionSlot(string answer) => Intents.Bare(Intents.Normalize(answer)) switch
    {
        "心愿内容" or "心愿" or "内容" or "描述" => MicroWishSlot.Text,
        "类别" or "分类" or "类型" => MicroWishSlot.Category,
        "社区" => MicroWishSlot.Community,
        "昵称" or "墙上昵称" or "名字" => MicroWishSlot.Nickname,
        "电话" or "手机" or "手机号" or "联系电话" => MicroWishSlot.Phone,
        _ => null,
    };
}
