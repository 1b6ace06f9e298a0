using Gongjian.Functions.Http.Contract;

namespace Gongjian.Functions.Activities;

/// <summary>The examples of the activity API in the contract (OpenAPI), serialized as the app reads and writes them.</summary>
public static class ActivityExamples
{
    public static readonly ApiTag Tag = new("活动预告与报名 Activities",
        "社区、街道或成员单位发布活动，居民、党员、志愿者报名（满员后候补，有人取消按顺序递补），现场签到，活动后登记时长。" +
        "Activities announced by a community, street or member unit; registration with a waiting list, check-in and hours.");

    private static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 0, 0, TimeSpan.FromHours(8));
    private const string Id = "HD260301-7KQ3MZ";

    public static readonly AnnounceActivityRequest Announce = new()
    {
        CommunityId = "dongqili", OrganiserKind = "community", Title = "学雷锋志愿服务日", Category = "volunteer",
        Description = "清理小区公共区域，为独居老人理发。", Place = "东七里社区党群服务中心", StartsAt = Start, EndsAt = Start.AddHours(3),
        Deadline = Start.AddDays(-1), Capacity = 30, Audiences = ["residents", "party_members", "volunteers"],
    };

    public static readonly ParticipantView Participant = new("3f9a1c2b7d4e5f60", "张秀英", "13812345678", "residents", false, null, Start.AddDays(-5), null, null);

    public static readonly ActivityView Activity = new()
    {
        Id = Id, Status = "open", StatusText = "报名中", CommunityId = "dongqili", StreetId = "caiyuan", OrganiserKind = "community",
        Title = Announce.Title, Category = Announce.Category, Description = Announce.Description!, Place = Announce.Place, StartsAt = Start,
        EndsAt = Announce.EndsAt, Deadline = Announce.Deadline, Capacity = 30, Audiences = Announce.Audiences, RegisteredCount = 1, WaitingCount = 0,
        ContactVisible = true, Participants = [Participant],
    };

    public static readonly ActivityPage Page = new([new ActivityListItem(Id, "open", "报名中", Announce.Title, "volunteer", Announce.Place, "dongqili",
        "community", null, Start, Announce.EndsAt, Announce.Deadline, 30, 30, 2, Announce.Audiences)]);

    public static readonly CancelActivityRequest Cancel = new() { Reason = "因天气原因取消。" };
    public static readonly ReviseActivityRequest Revise = new()
    {
        Title = "学雷锋志愿服务日", Category = "volunteer", Description = "清扫楼道、义务理发，请穿便于活动的衣服。", Place = "东七里社区党群服务中心一楼大厅",
    };
    public static readonly CheckInRequest CheckIn = new() { Code = "7KQ3MZ" };
    public static readonly AttendanceRequest Attendance = new() { Lines = [new AttendanceLineInput("3f9a1c2b7d4e5f60", 2.5m)] };
    public static readonly RegisterRequest Register = new() { Name = "张秀英", Phone = "13812345678", Kind = "residents" };
    public static readonly RegistrationView Registered = new(Id, "registered", "已报名", "已报名“学雷锋志愿服务日”，请凭签到码准时参加。", null, "7KQ3-MZ2P", "H4TB9X");
    public static readonly CancelRegistrationRequest CancelRegistration = new() { Phone = "13812345678", Code = "7KQ3-MZ2P" };
    public static readonly ActivityTimeline Timeline = new(Id,
    [
        new(1, "announced", Start.AddDays(-7), new Orders.ActorView("dispatcher", "东七里社区派单员"), "发布活动，名额 30 人", null),
        new(2, "registered", Start.AddDays(-5), new Orders.ActorView("resident", "报名人"), "张秀英报名（已报名 1/30）", null),
    ]);
    public static readonly RegistrationView Cancelled = new(Id, "cancelled", "已取消报名", "已取消“学雷锋志愿服务日”的报名。", null, null, null);
}
