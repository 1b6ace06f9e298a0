using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.Grid;

/// <summary>What the bot says to a grid worker (网格员) filing a 格事坊 report from chat.</summary>
public static class GridReportTexts
{
    public const string Report = "随手拍";
    public const string Mine = "我的上报";
    public const string Confirm = "确认上报";
    public const int PhotosMax = 9;
    public const int TextMax = 500;
    public const int PlaceMax = 100;

    public static readonly string[] Menu = [Report, Mine, Texts.Help];

    public static string Bound(string worker, string grid) =>
        $"绑定成功！您是「{grid}」的网格员{worker}。发现问题时，直接发现场照片给我，我帮您上报到格事坊。";
    public static string Greeting(string grid) => $"您好！您是「{grid}」的网格员。发现问题时，直接发现场照片给我，我帮您上报到格事坊。";
    public const string Help =
        "网格员可以：\n• 随手拍：发现场照片（可附一句说明），再发送位置，我帮您上报到格事坊；\n• 发送“我的上报”查看最近上报的处置情况；\n" +
        "• 社区处置后，结果会发到这里；\n• 随时发送“取消”放弃当前上报；发送“解除绑定”不再以网格员身份使用。";
    public const string Unbound = "已解除绑定，这里不再以网格员身份上报，也不会再收到上报的处置结果。";

    public const string AskPhoto = "请拍一张现场照片发给我（点输入框旁的“+”或回形针，最多 9 张）。";
    public const string AskCategory = "请选择问题类别：";
    public const string BadCategory = "请点下面的一个类别：";
    public const string AskLocation =
        "请发送问题所在的位置：微信、企业微信点输入框旁的“+”选“位置”，网页聊天点上方的“发送位置”。社区需要位置来就近处置、合并重复上报。";
    public const string PlaceNoted = "地点记下了。";
    public const string AskLocationToo = "还需要您发送一下定位（微信、企业微信点“+”选“位置”，网页聊天点上方的“发送位置”），方便社区就近处置。";
    public const string AskText = "请用一句话说明问题（比如“3栋旁轿车长期停放，轮胎漏气”）。";
    public const string TextTooShort = "请再多写几个字，说明发现的问题。";
    public static string TextTooLong => $"问题描述请写在 {TextMax} 字以内，请简短些再发一次。";
    public static string TooManyPhotos => $"照片最多 {PhotosMax} 张，多出的没有收下。";
    public const string PhotoReceived = "照片收到了。";
    public const string LocationReceived = "位置收到了。";
    public const string ConfirmPrompt = "请核对上报内容，无误请确认上报，要改动请选“修改”：";
    public const string ConfirmOrCancel = "请选“确认上报”提交，要改动请选“修改”，或发送“取消”放弃这次上报。";
    public const string AskRevision = "您想修改哪一项？（照片可以直接再发几张补充；要去掉照片，请发送“取消”后重新上报。）";
    public static readonly string[] RevisableItems = ["类别", "地点", "说明"];
    public const string CardTitle = "格事坊上报";
    public static string Filed(string id) => $"上报成功！编号 {id}，状态：待处置。社区处置后，结果会发到这里。发送“我的上报”可随时查看。";
    public static string Failed(string reason) => $"抱歉，上报没有成功：{reason}";
    public const string NotGridWorker = "您还没有以网格员身份绑定。网格员请发送“绑定”加社区给您的 6 位绑定码，例如“绑定 123456”。";
    public const string NothingToConfirm = "现在没有待确认的上报。发现问题时，直接发现场照片给我就行。";
    public const string NoReports = "您还没有在这里上报过问题。发现问题时，直接发现场照片给我就行。";
    public const string MineTitle = "您最近的上报：";

    /// <summary>A report as one line of 我的上报.</summary>
    public static string Line(GridReportSummary r) =>
        $"• {r.ReportId}：{r.StatusName}。{r.CategoryName}，{r.Summary}";
}
