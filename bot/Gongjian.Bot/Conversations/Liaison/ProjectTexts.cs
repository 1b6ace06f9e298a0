using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.Liaison;

/// <summary>What the bot says to a liaison about 项目清单 and 认领.</summary>
public static class ProjectChatTexts
{
    public const string ListWord = "看看项目";
    public const string NoProjects = "目前没有与本单位服务类别相符、还有名额的项目。有新项目发布时，可以再发送“看看项目”查看。";
    public const string ListIntro = "以下是本单位可以认领的项目，点“认领”填写认领协议：";
    public const string FormIntro = "请填写认领协议：本单位将提供什么、预计什么时候完成。提交后由街道或社区审核。";
    public const string AskCommitment = "请写明本单位将为这个项目提供什么，比如“每月派 2 名医生到社区义诊一次”（500 字以内）：";
    public static string AskDay(DateOnly lastDay) => $"预计什么时候完成？请写日期，比如“{lastDay:M月d日}”或“{lastDay:yyyy-MM-dd}”（最晚 {lastDay:M月d日}）。";
    public static string BadDay(DateOnly lastDay) => $"抱歉，没看懂这个日期，请写成“{lastDay:M月d日}”或“{lastDay:yyyy-MM-dd}”这样，最晚 {lastDay:M月d日}。";
    public const string CommitmentTooShort = "请写几个字说明本单位将提供什么，比如“每月派 2 名医生到社区义诊一次”。";
    public const string ClaimFormIncomplete = "认领协议还没填完整：请写明提供什么，并选择预计完成日期，再点“提交认领”。";
    public const string NotLiaison = "认领项目需要先绑定单位。请发送“绑定”加社区给您的 6 位绑定码，例如“绑定 123456”。";

    public static string Claimed(OpenProject p) =>
        $"已提交认领！项目“{p.Title}”的认领协议已交给街道和社区审核，审核结果会发到这里。感谢贵单位的参与！";

    /// <summary>A refusal of the rules, said politely, with what to do next.</summary>
    public static string Refused(string reason) => $"抱歉，这次没能认领：{reason}\n可以发送“{ListWord}”看看其他项目。";

    public static string Period(DateTimeOffset startsOn, DateTimeOffset endsOn) =>
        Local(startsOn).Year == Local(endsOn).Year ? $"{Local(startsOn):yyyy年M月d日}—{Local(endsOn):M月d日}" : $"{Local(startsOn):yyyy年M月d日}—{Local(endsOn):yyyy年M月d日}";

    public static DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8));
}
