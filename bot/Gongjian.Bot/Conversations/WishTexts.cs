namespace Gongjian.Bot.Conversations;

/// <summary>What the bot says while taking a resident's wish (居民点单).</summary>
public static class WishTexts
{
    public const string AskText = "好的，请说说您遇到了什么问题或需要什么帮助？比如“三楼楼道灯坏了一个星期了”。";
    public const string AskCategory = "我还不太确定这件事属于哪一类，请选一个最接近的：";
    public const string BadCategory = "没找到这个类别，请点下面的按钮选一个：";
    public const string AskCommunity = "请问您住在哪个社区？";
    public const string BadCommunity = "没找到这个社区，请点下面的按钮选择您所在的社区：";
    public const string AskPlace = "请告诉我具体地点，比如“宝盛小区3号楼2单元”。";
    public const string BadPlace = "地点请写具体一些（2～100 个字），比如“宝盛小区3号楼2单元”。";
    public const string AskPhone = "请留一个联系电话，方便工作人员联系您（手机号或带区号的座机都可以）。";
    public const string BadPhone = "这个号码好像不对，请输入 11 位手机号（如 13812345678）或带区号的座机号。";
    public const string TextTooShort = "请再多说几个字，让工作人员知道具体是什么事，比如“三楼楼道灯坏了”。";
    public const string AskRevision = "您想修改哪一项？";
    // The card comes below the text in every channel: the text points down, never "以上".
    public const string ConfirmPrompt = "请核对下面的信息，没问题就点“确认提交”。";
    public const string AskNameWithCard = "另外，请问怎么称呼您？说个姓就行，比如“王阿姨”；不说也没关系。";
    public const string AskName = "请问怎么称呼您？说个姓就行，比如“王阿姨”“李先生”。";
    public const string BadName = "没听清您的姓，请再说一次，比如“王阿姨”“李先生”。";
    public const string NothingToConfirm = "这张单子已经处理过了，现在没有要提交的内容。还有别的需要，直接告诉我就行。";
    public const string PressSubmitAbove = "信息没问题的话，请点上面的“确认提交”。";
    public const string ConfirmOrRevise = "没问题的话，请点卡片上的“确认提交”；要改就点“修改”。";
    public static readonly string[] RevisionChoices = ["问题描述", "类别", "社区", "地点", "电话", "称呼"];
    public const string CardTitle = "请确认您的诉求";

    public static string PhotosKept(int count) => $"收到照片了（共 {count} 张），提交工单时会一起交给社区。";

    public static string TooManyPhotos(int kept) =>
        $"一张工单最多附 {Gongjian.Domain.Orders.OrderLimits.PhotosMax} 张照片，已经有 {kept} 张了，这次发的照片没有保存。";

    /// <summary>A shared location became the wish's place (it is the resident's own chat: the place may be shown back).</summary>
    public static string PlaceShared(string place) => $"收到您的位置：{place}，会作为工单的地点。";

    public static string PhotoRefused(string reason) => $"{reason}这次发的照片没有保存，请换一张照片发送。";

    /// <summary>The resident told their name: "好的，王阿姨，记住了。" (a bare surname: "好的，记住了，您姓王。").</summary>
    public static string NameNoted(string name) => Resident.ResidentName.Salutation(name) is { } s ? $"好的，{s}，记住了。" : $"好的，记住了，您姓{name[..1]}。";

    public static string Placed(string orderId, string trackingCode, string? salutation = null) =>
        (salutation is null ? "" : salutation + "，") + $"已提交！您的工单号：{orderId}，查询码：{trackingCode}。\n请保存好查询码。社区工作人员会尽快派单，有进展我会在这里告诉您。";

    public static string PlaceFailed(string reason) => $"抱歉，工单没有提交成功：{reason}\n您可以点“修改”调整后再提交。";
}
