using Gongjian.Bot.DirectLine;
using Gongjian.Functions.BotDesk;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Showcases;

namespace Gongjian.Functions.Http.Contract;

/// <summary>
/// The examples of the published contract: one story from the demo street (泰安 财源街道 东七里社区,
/// 宝盛小区, 泰山宝盛置业). Typed, so an example cannot name a field the API does not have.
/// </summary>
public static class ApiExamples
{
    private const string OrderId = "GJ261205-WCFXMZ";
    private const string ShowcaseId = "SC261209-1A2B3C4D";
    private static readonly DateTimeOffset Placed = new(2026, 12, 5, 7, 54, 32, TimeSpan.Zero);
    /// <summary>A real 1×1 PNG, so the example photo passes the photo checks.</summary>
    public const string PhotoBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==";

    public static readonly PlaceOrderRequest PlaceOrder = new()
    {
        Text = "三楼楼道灯坏了一个星期了", Category = "repair", CommunityId = "dongqili", Address = "宝盛小区3号楼2单元301",
        Contact = new ContactInput { Name = "李阿姨", Phone = "13805381234" },
    };

    public static readonly PlacedOrderView PlacedOrder = new(OrderId, "JM54-RDEE", "placed", "待派单", $"/api/orders/{OrderId}");

    public static readonly DispatchRequest Dispatch = new() { UnitId = "baosheng-property", Note = "请尽快处理" };
    public static readonly ReasonRequest Decline = new() { Reason = "本周人手不足，请改派其他单位" };
    public static readonly ReasonRequest Reopen = new() { Reason = "灯还是不亮" };
    public static readonly ReasonRequest Reject = new() { Reason = "属于业主家中私人维修，不在社区受理范围" };
    public static readonly OptionalReasonRequest Cancel = new() { Reason = "邻居已经帮忙修好了" };
    public static readonly OptionalReasonRequest Erase = new() { Reason = "请删除我的个人信息" };
    public static readonly CompleteRequest Complete = new() { Note = "已更换楼道灯，三楼楼道恢复照明", Photos = [PhotoBase64] };
    public static readonly ConfirmRequest Confirm = new() { Rating = 5, Comment = "师傅当天就来了，很负责" };

    /// <summary>The order as its dispatcher sees it right after dispatching.</summary>
    public static readonly OrderView Order = new()
    {
        Id = OrderId, Status = "dispatched", StatusName = "待接单", Category = "repair", CategoryName = "设施维修",
        Text = "三楼楼道灯坏了一个星期了", CommunityId = "dongqili", CommunityName = "东七里社区", Address = "宝盛小区3号楼2单元301",
        Contact = new ContactView("李阿姨", "13805381234"), ContactVisible = true, Unit = new UnitRef("baosheng-property", "泰山宝盛置业有限公司"),
        PlacedAt = Placed, DispatchedAt = Placed.AddMinutes(20), ReopenCount = 0, BeforePhotos = [], AfterPhotos = [], ShowcaseIds = [], Version = 2,
        Deadline = new DeadlineView("accept", "接单", Placed.AddHours(4).AddMinutes(20), Placed.AddHours(3).AddMinutes(20), false, false),
        Timeline =
        [
            new TimelineEntry(1, "placed", Placed, new ActorView("resident", "居民"), "居民点单", null),
            new TimelineEntry(2, "dispatched", Placed.AddMinutes(20), new ActorView("dispatcher", "东七里社区派单员"), "派单给泰山宝盛置业有限公司", null),
        ],
    };

    /// <summary>The same order in another status, as a command answers it.</summary>
    public static OrderView OrderIn(Domain.Orders.OrderStatus status) => Order with
    {
        Status = Domain.Orders.OrderStatusNames.Code(status), StatusName = Domain.Orders.OrderStatusNames.Chinese(status),
    };

    public static readonly OrderPage Orders = new(
        [new OrderSummary(OrderId, "dispatched", "待接单", "repair", "设施维修", "dongqili", new UnitRef("baosheng-property", "泰山宝盛置业有限公司"),
            "三楼楼道灯坏了一个星期了", Placed, Placed.AddMinutes(20), new ListDeadline("accept", "接单", Placed.AddHours(4).AddMinutes(20), false, false))],
        "Yy1kb25ncWlsaQoxIXRva2Vu");

    public static readonly PublishShowcaseRequest Publish = new()
    {
        Title = "楼道亮了，居民心也亮了", Story = "东七里社区居民反映楼道灯损坏，泰山宝盛置业当天上门更换。", OrderIds = [OrderId],
    };

    public static readonly ShowcaseView Showcase = new(ShowcaseId, "楼道亮了，居民心也亮了", "东七里社区居民反映楼道灯损坏，泰山宝盛置业当天上门更换。",
        "caiyuan", "财源街道", Placed.AddDays(4),
        [new ShowcaseItemView("repair", "设施维修", "东七里社区", DateOnly.FromDateTime(Placed.UtcDateTime), DateOnly.FromDateTime(Placed.UtcDateTime.AddDays(1)),
            5, "泰山宝盛置业有限公司", [$"/api/showcases/{ShowcaseId}/photos/0"])]);

    public static readonly IReadOnlyList<ShowcaseView> Showcases = [Showcase];

    // 微心愿: the demo wall of 仙营街道 (seed 003).
    private const string WishId = "WX261205-K7M3QX";

    public static readonly Wishes.SubmitWishRequest SubmitWish = new()
    {
        CommunityId = "xianying-1", Category = "study", Text = "孙子上三年级，书包破了，想要一个新书包。",
        Contact = new ContactInput { Name = "王奶奶", Phone = "13905381234" },
    };

    public static readonly Wishes.SubmittedWishView SubmittedWish = new(WishId, "K7M3-QX9P", "submitted", "待审核", $"/api/wishes/{WishId}");

    public static readonly Wishes.PublishWishRequest PublishWish = new() { PublicText = "三年级的小朋友想要一个新书包。", DisplayName = "小宇奶奶" };

    public static readonly Wishes.ClaimWishRequest ClaimWish = new() { Kind = "unit", UnitId = "xianying-building-party" };

    public static readonly Wishes.FulfilWishRequest FulfilWish = new() { Note = "新书包已送到小朋友手上。", Photos = [PhotoBase64] };

    public static readonly Wishes.WishView Wish = new()
    {
        Id = WishId, Status = "claimed", StatusText = "已认领", Category = "study", CategoryName = "学习用品", CommunityId = "xianying-1",
        CommunityName = "仙营一社区", PublicText = "三年级的小朋友想要一个新书包。", DisplayName = "小宇奶奶",
        Claimer = new Wishes.ClaimerView("unit", "仙营街道商务楼宇联合党委", "xianying-building-party"), SubmittedAt = Placed, PublishedAt = Placed.AddHours(2),
        ClaimedAt = Placed.AddDays(1),
    };

    public static Wishes.WishView WishIn(Domain.Wishes.WishStatus status) => Wish with
    {
        Status = Domain.Wishes.WishStatusText.Code(status), StatusText = Domain.Wishes.WishStatusText.Chinese(status),
    };

    public static readonly Wishes.WishPage Wishes = new(
        [new Wishes.WishListItem(WishId, "claimed", "已认领", "study", "学习用品", "xianying-1", "三年级的小朋友想要一个新书包。", "小宇奶奶",
            "unit", "仙营街道商务楼宇联合党委", "xianying-building-party", 2026, Placed, Placed.AddDays(1), null)],
        null);

    public static readonly IReadOnlyList<CommunityView> Communities =
        [new("dongqili", "东七里社区", "caiyuan", "财源街道"), new("sanlian", "三联社区", "caiyuan", "财源街道")];

    public static readonly UnitView Unit = new("baosheng-property", "泰山宝盛置业有限公司", "caiyuan", "district", "company",
        ["repair", "environment", "parking"], ["dongqili", "sanlian"]);

    public static readonly IReadOnlyList<UnitView> Units = [Unit];

    public static readonly CreateUnitRequest CreateUnit = new()
    {
        Id = "taishan-power", Name = "国网泰安供电公司泰山区分公司", Level = "district", Kind = "company",
        Categories = ["repair", "safety"], CommunityIds = ["dongqili", "sanlian"],
    };

    public static readonly UnitView CreatedUnit = ListUnitsFunction.ToView(new Domain.Community.MemberUnit(
        "taishan-power", "国网泰安供电公司泰山区分公司", "caiyuan", Domain.Community.UnitLevel.District, Domain.Community.UnitKind.Company,
        ["repair", "safety"], ["dongqili", "sanlian"]));

    public static readonly UpdateUnitRequest UpdateUnit = new()
    {
        Name = "泰山宝盛置业有限公司", Level = "district", Kind = "company", Categories = ["repair", "environment"], CommunityIds = ["dongqili"],
    };

    public static readonly CommunityView Community = new("dongqili", "东七里社区", "caiyuan", "财源街道");

    public static readonly CreateCommunityRequest CreateCommunity = new() { Id = "dongqili", Name = "东七里社区", StreetId = "caiyuan" };

    public static readonly UpdateCommunityRequest RenameCommunity = new() { Name = "东七里社区" };

    public static readonly RetireRequest Retire = new() { Reason = "单位搬迁，不再参与共建" };

    public static readonly UnitView RetiredUnit = Unit with { RetiredAt = Placed.AddDays(30), RetiredReason = "单位搬迁，不再参与共建" };

    public static readonly Admin.StaffKeyView StaffKey = new("3f9a1c7e20b4", "liaison", "baosheng-property", "泰山宝盛置业有限公司", "宝盛置业联络员",
        Placed, null, false);

    public static readonly IReadOnlyList<Admin.StaffKeyView> StaffKeys = [StaffKey];

    public static readonly Admin.CreateStaffKeyRequest CreateStaffKey = new() { Role = "liaison", Scope = "baosheng-property", Name = "宝盛置业联络员" };

    public static readonly Admin.CreatedStaffKeyView CreatedStaffKey = new("gjk_2u7Yb0mQ4xLr9TcVfH1sNe8KpJ3wZa6DgC5iXoRy0Bq", StaffKey);

    public static readonly Admin.StaffKeyView RevokedStaffKey = StaffKey with { RevokedAt = Placed.AddDays(2) };

    public static readonly BindingCodeView BindingCode = new("K7Q3-M9XD", "baosheng-property", "泰山宝盛置业有限公司", Placed.AddDays(1),
        "请联络员在共建小助手中发送“绑定 K7Q3-M9XD”。绑定码只能使用一次，12月6日 15:54 前有效。");

    public static readonly Sessions.SignInRequest SignIn = new() { Key = "gjk_2rJ8…" };
    public static readonly Sessions.SessionView Session = new("dispatcher", "派单员", "dongqili", "东七里社区", "张三", "3f9a1c0b7d2e",
        "q5Nw0mUe3yQ1lX8aHk2ZpR7bVt4cJ6sD9fG0hK1jL2m", Placed.AddHours(12));
    public static readonly HealthView Health = new("ok", "ok", "1.0.0.0");

    public static readonly DirectLineConversation Conversation = new("Hy3yjSTvM559ZxAX6NzPwr", "dl1.eyJjb252IjoiSHkzeWpTVHZNNTU5WnhBWDZOelB3ciJ9.c2lnbmF0dXJl", 3600);

    public static readonly DirectLineStart Start = new(new DirectLineUser("user-li", "李阿姨"), "zh-CN");

    public static readonly Bot.Activities.Activity Message = new()
    {
        Type = "message", From = new Bot.Activities.ChannelAccount("user-li", "李阿姨"), Locale = "zh-CN", Text = "三楼楼道灯坏了一个星期了",
    };

    public static readonly DirectLineResourceId ActivityId = new("Hy3yjSTvM559ZxAX6NzPwr|0000002");

    public static readonly DirectLineActivitySet Activities = new(
    [
        new Bot.Activities.Activity
        {
            Type = "message", Id = "Hy3yjSTvM559ZxAX6NzPwr|0000003", From = new Bot.Activities.ChannelAccount("gongjian-bot", "共建小助手", "bot"),
            Text = "收到，您反映的是设施维修问题。请问具体在哪个小区、几号楼？",
        },
    ], "3");

    // The console's second slice.
    public static readonly Dispatching.UnitSuggestionsView Suggestions = new(OrderId, 1,
    [
        new(1, "baosheng-property", "泰山宝盛置业有限公司", true, true, 2, false, "服务类别相符 · 覆盖本社区 · 在办 2 单"),
        new(2, "caiyuan-volunteers", "财源街道学雷锋志愿服务队", false, true, 0, false, "不服务该类别 · 覆盖本社区 · 暂无在办工单"),
    ]);

    public static readonly StaffInbox.InboxView Inbox = new(1,
        [new("7980155199999999999-3f9a1c0b7d2e4a51", "placed", "新工单", "【待派单】东七里社区设施维修诉求“三楼楼道灯坏了一个星期了”（工单 " + OrderId + "），请及时派单。",
            null, OrderId, Placed.AddHours(4), Placed, false)], null);

    public static readonly StaffInbox.MarkReadRequest MarkRead = new(["7980155199999999999-3f9a1c0b7d2e4a51"]);

    public static readonly StaffInbox.MarkReadView MarkedRead = new(1, 0);

    public static readonly ContactAudit.ContactViewsView ContactViews = new(OrderId,
        [new(Placed.AddMinutes(18), "3f9a1c0b7d2e", "dispatcher", "派单员", "东七里社区派单员", "console", "工作台")]);

    public static readonly ContactAudit.WishContactViewsView WishContactViews = new(WishId,
        [new(Placed.AddMinutes(18), "3f9a1c0b7d2e", "dispatcher", "派单员", "仙营一社区派单员", "console", "工作台")]);

    public static readonly Streets.StreetOverview StreetOverview = new("caiyuan", "财源街道", 3,
        [new("placed", "待派单", 1), new("dispatched", "待接单", 1), new("confirmed", "已评价", 1)],
        [new("dongqili", "东七里社区", 3, 2, 1)],
        [new(OrderId, "dispatched", "待接单", "设施维修", "dongqili", "东七里社区", "泰山宝盛置业有限公司", "三楼楼道灯坏了一个星期了",
            "accept", "接单", Placed.AddHours(4), true, true, Placed)],
        [new(OrderId, "dispatched", "待接单", "设施维修", "dongqili", "东七里社区", "泰山宝盛置业有限公司", "三楼楼道灯坏了一个星期了",
            "accept", "接单", Placed.AddHours(4), true, true, Placed)],
        Placed.AddHours(6));

    public static readonly PublishShowcaseRequest PublishWithPhotos = Publish with
    {
        Photos = [new ShowcasePhotoChoice { OrderId = OrderId, Before = ["p0"], After = ["p1"] }],
    };

    public static readonly WithdrawnShowcaseView Withdrawn = new(ShowcaseId, "caiyuan", Placed.AddDays(5));

    /// <summary>A refusal of each status, as the app words one.</summary>
    public static ProblemView Problem(int status) => status switch
    {
        400 => new("https://gongjian.dev/problems/missing_field", "缺少必填字段：contact。", 400, null, "missing_field", "contact", "0HN8K2"),
        401 => new("https://gongjian.dev/problems/authentication_required", "请先提供工作人员密钥。", 401, null, "authentication_required", null, "0HN8K2"),
        403 => new("https://gongjian.dev/problems/outside_scope", "只能查看您管辖范围内的工单。", 403, null, "outside_scope", null, "0HN8K2"),
        404 => new("https://gongjian.dev/problems/order_not_found", "工单不存在，请检查工单编号。", 404, null, "order_not_found", null, "0HN8K2"),
        409 => new("https://gongjian.dev/problems/order_accepted", "工单当前状态为“办理中”，不能取消。", 409, null, "order_accepted", null, "0HN8K2"),
        412 => new("https://gongjian.dev/problems/unit_changed", "该单位刚被他人修改，请刷新后再改。", 412, null, "unit_changed", null, "0HN8K2"),
        410 => new("https://gongjian.dev/problems/showcase_withdrawn", "这篇晒单已撤回，不再公开。", 410, null, "showcase_withdrawn", null, "0HN8K2"),
        413 => new("https://gongjian.dev/problems/photo_too_large", "照片不能超过 10 MB，请压缩后重新上传。", 413, null, "photo_too_large", "photos", "0HN8K2"),
        415 => new("https://gongjian.dev/problems/unsupported_media_type", "请求内容必须是 JSON（Content-Type: application/json）。", 415, null, "unsupported_media_type", null, "0HN8K2"),
        422 => new("https://gongjian.dev/problems/idempotency_key_reused", "同一个 Idempotency-Key 已用于内容不同的请求。", 422, null, "idempotency_key_reused", null, "0HN8K2"),
        429 => new("https://gongjian.dev/problems/rate_limited", "请求过于频繁，请稍后再试。", 429, null, "rate_limited", null, "0HN8K2"),
        503 => new("https://gongjian.dev/problems/storage_unavailable", "存储服务暂时不可用。", 503, null, "storage_unavailable", null, "0HN8K2"),
        _ => new($"https://gongjian.dev/problems/error", "请求未能完成。", status, null, "error", null, "0HN8K2"),
    };
}
