namespace Gongjian.Bot.Conversations;

/// <summary>Everything the bot says to people, in one place (Simplified Chinese, short sentences).</summary>
public static class Texts
{
    public const string PlaceOrder = "我要点单";
    public const string Progress = "查进度";
    public const string MyRatings = "我的评价";
    public const string Help = "帮助";
    public const string Cancel = "取消";
    public const string Submit = "确认提交";
    public const string Revise = "修改";
    public const string Skip = "跳过";
    public const string Reopen = "重新办理";
    public const string Accept = "接单";
    public const string Decline = "拒单";
    public const string Complete = "办结";

    public const string MicroWish = "许个微心愿";
    public const string Projects = "看看项目";

    public static readonly string[] Menu = [PlaceOrder, MicroWish, Progress, MyRatings, Help];
    public static readonly string[] LiaisonMenu = [Projects, Complete, Progress, Help];
    public static readonly string[] Stars = ["5分", "4分", "3分", "2分", "1分"];

    public const string Greeting =
        "您好！我是共建小助手，帮您把身边的难事、急事告诉社区和共建单位。\n" +
        "您可以直接说遇到的问题，比如“三楼楼道灯坏了一个星期了”，也可以点下面的按钮。";
    public static string LiaisonGreeting(string unit) => $"您好！您是「{unit}」的联络员。派给本单位的工单会发到这里，点“接单”或“拒单”即可处理。";

    public const string HelpText =
        "我可以帮您：\n" +
        "• 点单：直接说遇到的问题，我帮您提交给社区；\n" +
        "• 查进度：发送“查进度”或“我的单子到哪了”；\n" +
        "• 评价：工单办结后我会请您打分；\n" +
        "• 微心愿：发送“许个微心愿”，社区审核后匿名发布到心愿墙；发送“我的心愿”查看进展；\n" +
        "• 活动：发送“这周有什么活动”查看社区活动，点“报名”即可报名；发送“我的报名”“取消报名”；\n" +
        "• 预约：发送“预约活动室”预约社区的共享场地；发送“我的预约”查看或取消；\n" +
        "• 双报到：在职党员、志愿者发送“我要报到”向社区报到；发送“我的服务时长”查看时长和积分；\n" +
        "• 随时发送“取消”结束当前操作。\n" +
        "共建单位联络员请发送“绑定”加社区给的6位绑定码，例如“绑定 123456”。";
    public const string LiaisonHelp =
        "联络员可以：\n• 在工单卡片上点“接单”或“拒单”；\n• 办完后发送“办结”，再发一张现场照片；\n• 发送“看看项目”查看本单位可认领的项目，填写认领协议认领；\n• 发送“解除绑定”不再接收本单位工单。";

    public const string HowCanIHelp = "有什么需要帮忙的，直接告诉我就行。";
    public const string Cancelled = "好的，已取消。还有什么需要，随时告诉我。";
    public const string NothingToCancel = "现在没有进行中的事情。需要帮忙的话，直接告诉我就行。";
    public const string NotUnderstood = "抱歉，我没太明白。您可以直接说遇到的问题（比如“楼道灯坏了”），或者点下面的按钮。";
    public const string Apology = "抱歉，系统出了点问题，刚才的操作没有完成。我们重新开始吧，您可以再告诉我一次您的需求。";
    public const string Conflict = "抱歉，刚才同时收到了几条消息，我没来得及处理这一条，请再发一次。";
    public const string Busy = "现在咨询的人比较多，请稍等片刻再发一次。";
    public static string TooLong(int max) => $"您的消息太长了（超过 {max} 字），我没有保存。请分几次、简短地告诉我。";
    public const string UnsupportedAttachment = "暂时只能接收照片（JPG、PNG 或 WebP 格式），请换一张照片发送。";
    public const string PhotoNotExpected = "收到照片了，不过现在用不上。办结工单时，请先发送“办结”，再发照片。";
    public const string ResidentPhotoNotExpected = "收到照片了，不过现在用不上。点单时可以把照片和问题一起发给我。";
}
