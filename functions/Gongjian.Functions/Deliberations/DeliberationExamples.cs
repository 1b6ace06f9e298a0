using Gongjian.Functions.Http.Contract;

namespace Gongjian.Functions.Deliberations;

/// <summary>The examples of the deliberation API in the contract (OpenAPI), serialized as the app reads and writes them.</summary>
public static class DeliberationExamples
{
    public static readonly ApiTag Tag = new("议事 Deliberation",
        "提审议办评：居民、网格员、共建单位或社区提出议题，社区审核，召集居民代表、党员、物业和共建单位议事（意见、表决），决议转为工单或项目办理，居民评价，结果匿名公开。" +
        "Raise, review, deliberate (opinions, a vote), act (orders, projects), evaluate; the record is published anonymised.");

    private const string Id = "YS261207-7KQ3MZ";
    private static readonly DateTimeOffset Raised = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Meeting = new(2026, 12, 12, 19, 30, 0, TimeSpan.FromHours(8));

    public static readonly RaiseDeliberationRequest Raise = new()
    {
        CommunityId = "dongqili", Estate = "宝盛小区", Title = "东门加装电动车充电桩", Description = "楼道里充电不安全，希望在东门空地加装充电桩。", Source = "grid_worker",
    };

    public static readonly RaisePublicRequest RaisePublic = new()
    {
        CommunityId = "dongqili", Estate = "宝盛小区", Title = "东门加装电动车充电桩", Description = "楼道里充电不安全。", Name = "王秀兰", Phone = "13912345678",
    };

    public static readonly RaisedView RaisedAnswer = new(Id, "raised", "待审核", "您的议题“东门加装电动车充电桩”已提交，编号 YS261207-7KQ3MZ。社区会在 3 个工作日内审核，审核结果可凭查询码查看。", "K7M3-QX9P");
    public static readonly ReasonRequest Decline = new() { Reason = "属于业主大会表决事项，已转业委会。" };
    public static readonly AnswerRequest Answer = new() { Answer = "物业已答应本周内修复，无需议事。" };

    public static readonly ScheduleRequest Schedule = new()
    {
        At = Meeting, Place = "八仙议事厅", Parties = ["resident_reps", "party_members", "property_company", "units"], UnitIds = ["baosheng-property"],
        Vote = new VoteInput { Question = "是否在东门加装 10 个充电桩", Rule = "simple_majority", ClosesAt = Meeting.AddHours(2) },
    };

    public static readonly OpinionRequest Opinion = new() { Text = "支持加装，建议装在远离楼道的地方。", Phone = "13812345678" };
    public static readonly VoteRequest Vote = new() { Choice = "for", Phone = "13812345678" };

    public static readonly DecisionRequest Decision = new()
    {
        Minutes = "到会 15 人。物业同意提供东门空地，宝盛置业负责安装。", Decision = "在东门加装 10 个充电桩，物业负责日常管理。", Attendees = 15,
        Actions = [new ActionInput { Kind = "order", Text = "东门加装 10 个电动车充电桩", Category = "repair", Address = "宝盛小区东门" }],
    };

    public static readonly CreateOrdersRequest CreateOrders = new() { Contact = new ContactInput("东七里社区议事会", "05388221234") };
    public static readonly RatingRequest Rating = new() { Phone = "13812345678", Stars = 5, Comment = "充电桩很方便。" };

    private static readonly ActionView Action = new(1, "order", "东门加装 10 个电动车充电桩", "repair", "宝盛小区东门", null, "GJ261212-4HX7PM", null, "办理中");

    public static readonly DeliberationView Deliberation = new()
    {
        Id = Id, Status = "acting", StatusText = "办理中", Step = 4, CommunityId = "dongqili", StreetId = "caiyuan", Estate = "宝盛小区",
        Title = "东门加装电动车充电桩", Description = "楼道里充电不安全。", Source = "resident", SourceText = "居民", Contact = new ContactInput("王秀兰", "13912345678"),
        ContactVisible = true, RaisedAt = Raised,
        Meeting = new MeetingView(Meeting, "八仙议事厅", ["resident_reps", "property_company", "units"], ["居民代表", "物业公司", "共建单位"], ["baosheng-property"]),
        Vote = new VoteView("是否在东门加装 10 个充电桩", "simple_majority", "赞成票超过投票总数（含弃权）的一半即通过", Meeting.AddHours(2), true, 12, 2, 1, 15, true),
        Opinions = [new OpinionView(1, "residents", "居民", null, "支持加装，建议装在远离楼道的地方。", Raised.AddDays(1))],
        Minutes = Decision.Minutes, Decision = Decision.Decision, Attendees = 15, DecidedAt = Meeting.AddHours(3), Actions = [Action],
        Ratings = [], Version = 9,
    };

    public static readonly DeliberationPage Page = new([new DeliberationListItem(Id, "acting", "办理中", 4, "东门加装电动车充电桩", "dongqili", "宝盛小区",
        "resident", Raised, Meeting, 3, 1, 0, 0, null)]);

    public static readonly CreatedOrders Created = new(Deliberation, [new CreatedOrder(1, "GJ261212-4HX7PM", "K7M3-QX9P")]);

    public static readonly ProgressView Progress = new(Id, "东门加装电动车充电桩", "scheduled", "议事中", 3, "议", null, Meeting, "八仙议事厅", null, 0, 0, false,
        "议事会定于 12月12日 19:30 在八仙议事厅召开，欢迎发表意见。");
}
