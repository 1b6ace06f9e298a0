namespace Gongjian.Functions.Http.Contract;

/// <summary>A feature of the API as the reference page groups it: Chinese and English name, and what it is for.</summary>
public sealed record ApiTag(string Name, string Description);

public static class ApiTags
{
    public static readonly ApiTag Orders = new("工单 Orders",
        "四单一体的前三步：居民点单、社区派单、单位接单与办结，以及居民评价。The order cycle: place, dispatch, accept, complete, confirm.");
    public static readonly ApiTag Showcases = new("晒单 Showcases",
        "组织晒单：街道把办结的工单匿名公开。Anonymised public stories of finished orders, published by the street's organizer.");
    public static readonly ApiTag Directory = new("社区与单位 Directory",
        "社区、成员单位和联络员绑定码。Communities, member units and liaison binding codes.");
    public static readonly ApiTag Chat = new("聊天 Chat",
        "聊天入口：Bot Framework 消息端点、本地 Direct Line 3.0 与网页聊天。The chat front door: Bot Framework messages, a local Direct Line 3.0 and Web Chat.");
    public static readonly ApiTag Console = new("工作台 Console",
        "工作人员网页工作台：登录会话与页面。The staff console: sign-in sessions (cookie + CSRF token) and its pages.");
    public static readonly ApiTag Wishes = new("微心愿 Wishes",
        "微心愿：居民提交、社区审核后匿名发布，党员、志愿者或共建单位认领并实现。Small wishes: submitted, published anonymised, claimed, fulfilled, confirmed.");
    public static readonly ApiTag Operations = new("运行 Operations", "健康检查。Liveness and storage health.");

    public static readonly ApiTag Records = Gongjian.Functions.Records.RecordExamples.Tag;

    public static readonly IReadOnlyList<ApiTag> All = [Orders, Wishes, Showcases, Directory, Console, Chat, Operations, Projects.ProjectExamples.Tag,
        Records, Needs.ListsExamples.NeedsTag, Needs.ListsExamples.ResourcesTag,
        People.PeopleExamples.Tag,
        Activities.ActivityExamples.Tag,
        Bookings.BookingExamples.Tag,
        Indicators.IndicatorExamples.Tag,
        GridReports.GridReportExamples.GridTag, GridReports.GridReportExamples.Tag, Deliberations.DeliberationExamples.Tag, Scorecards.ScorecardExamples.Tag];
}
