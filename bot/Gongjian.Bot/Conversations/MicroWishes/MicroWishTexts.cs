using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.MicroWishes;

/// <summary>What the bot says about a resident's 微心愿 (Simplified Chinese, short sentences).</summary>
public static class MicroWishTexts
{
    public const string Post = "许个微心愿";
    public const string Mine = "我的心愿";
    public const string NoNickname = "不用了";
    public const string WithdrawWord = "撤回心愿";
    public const string ConfirmWord = "确认心愿已实现";
    public const string CardTitle = "请确认您的微心愿";

    public const string AskText =
        "好的！微心愿是身边的一件小事，比如“想要一辆轮椅”“孩子需要一套学习用品”“想请人上门理发”。\n" +
        "社区审核后会匿名发布到心愿墙，由党员、志愿者或共建单位认领。请说说您的心愿：";
    public const string TextTooShort = "请再多说几个字，比如“想要一辆轮椅，方便带老伴出门”。";
    public static string TextTooLong(int max) => $"心愿请写在 {max} 字以内，简单说清楚需要什么就好。";
    public const string AskCategory = "这个心愿属于哪一类？请选一个最接近的：";
    public const string BadCategory = "没找到这个类别，请点下面的按钮选一个：";
    public const string AskCommunity = "请问您住在哪个社区？";
    public const string BadCommunity = "没找到这个社区，请点下面的按钮选择您所在的社区：";
    public const string AskNickname = "心愿墙上想用什么昵称？比如“小雨妈妈”。不填的话会显示为“某居民”，不会出现您的姓名和电话。";
    public static string BadNickname(int max) => $"昵称请写在 {max} 字以内，不要用真实姓名或电话；不想填就点“{NoNickname}”。";
    public const string AskPhone = "请留一个联系电话，只给社区工作人员看，方便和您核实心愿（手机号或带区号的座机都可以）。";
    public const string BadPhone = "这个号码好像不对，请输入 11 位手机号（如 13812345678）或带区号的座机号。";
    public const string ConfirmPrompt = "请核对下面的信息，没问题就点“确认提交”。";
    public const string ConfirmOrRevise = "没问题的话，请点卡片上的“确认提交”；要改就点“修改”。";
    public const string AskRevision = "您想修改哪一项？";
    public static readonly string[] RevisionChoices = ["心愿内容", "类别", "社区", "昵称", "电话"];
    public const string NoWishes = "您在这里还没有许过微心愿。发送“许个微心愿”就可以开始；如果有心愿编号和查询码，直接发给我就能查，例如“WX261201-7KQ3MZ K7M3-QX9P”。";

    public static string Posted(string wishId, string trackingCode, string? salutation) =>
        (salutation is null ? "" : salutation + "，") +
        $"您的微心愿已提交！心愿编号：{wishId}，查询码：{trackingCode}。\n请保存好查询码。社区审核后会发布到心愿墙，有人认领、心愿实现时我都会在这里告诉您。发送“我的心愿”可以随时查看。";

    public static string PostFailed(string reason) => $"抱歉，心愿没有提交成功：{reason}\n您可以点“修改”调整后再提交。";

    public static string Progress(IReadOnlyList<MicroWishSummary> wishes) =>
        "您的微心愿：\n" + string.Join("\n", wishes.Select((w, i) => $"{i + 1}. {w.WishId}“{w.Summary}”：{Status(w)}"));

    /// <summary>The status as a resident would say it, with what happens next.</summary>
    public static string Status(MicroWishSummary w) => w.Status switch
    {
        "submitted" => "待审核，社区审核后会发布到心愿墙",
        "published" => "已发布，正在等待认领",
        "claimed" => $"已被{w.ClaimerName ?? "爱心人士"}认领，正在准备",
        "fulfilled" => $"{w.ClaimerName ?? "认领人"}说心愿已经实现了，请您确认",
        "confirmed" => "已完成",
        "rejected" => "未通过审核" + (w.Reason is { Length: > 0 } r ? $"（{r}）" : ""),
        "withdrawn" => "已撤回",
        _ => "处理中",
    };

    public static string Tracked(MicroWishSummary w) => $"找到了！微心愿 {w.WishId}：{Status(w)}。以后发送“我的心愿”就能看到它。";

    public static string Withdrawn(string wishId) => $"已撤回微心愿 {wishId}，它不会出现在心愿墙上了。需要的话，随时可以再许一个。";

    public static string Confirmed(string wishId) => $"太好了！微心愿 {wishId} 已确认完成。感谢您告诉我们，也谢谢帮您实现心愿的人。";

    public static string Failed(string reason) => $"抱歉，{reason}";

    /// <summary>Buttons for what the resident may do next with each wish: 撤回 before a claim, 确认 after fulfilment.</summary>
    public static string[] Actions(IEnumerable<MicroWishSummary> wishes) =>
    [
        .. wishes.Where(w => w.Status is "submitted" or "published").Select(w => $"{WithdrawWord} {w.WishId}"),
        .. wishes.Where(w => w.Status == "fulfilled").Select(w => $"{ConfirmWord} {w.WishId}"),
    ];
}
