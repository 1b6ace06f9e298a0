using Gongjian.Domain.Activities;
using Gongjian.Domain.Bookings;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Activities;
using Gongjian.Functions.Bookings;
using Gongjian.Functions.Orders;

namespace Gongjian.Functions.Seed;

/// <summary>
/// 活动预告与报名 in 财源街道 (seed 001: 活动预告与报名; the 网格驿站 as a place; “阳光课堂” for children; seed 003's
/// volunteer teams): five upcoming activities of communities, the street and units, a few people registered, and one
/// small volunteer task full with a waiting list — loaded through the activity rules.
/// </summary>
public static class DemoActivities
{
    private sealed record Demo(string Community, OrganiserKind Kind, string? Unit, string Title, string Category, string Description,
        string Place, string? Venue, int InDays, string Start, string End, int Capacity, string[] Audiences, (string Name, string Phone, string As)[] People);

    private static readonly Demo[] Activities =
    [
        new("dongqili", OrganiserKind.Community, null, "宝盛小区读书分享会", "culture", "共读一本好书，欢迎带上您喜欢的书来交流。",
            "宝盛网格驿站活动室", "宝盛网格驿站活动室", 3, "19:00", "20:30", 20, [ActivityAudience.Residents, ActivityAudience.PartyMembers],
            [("周女士", "13805386601", ActivityAudience.Residents), ("钱大爷", "13805386611", ActivityAudience.Residents), ("吴先生", "13805386612", ActivityAudience.PartyMembers)]),
        new("sanlian", OrganiserKind.Unit, "caiyuan-health-centre", "老年人慢病防治健康讲座", "health", "讲高血压、糖尿病的日常管理，讲座后免费测血压、血糖。",
            "财源街道社区卫生服务中心健康教室", "健康教室", 5, "09:00", "10:30", 40, [ActivityAudience.Residents],
            [("赵先生", "13905382345", ActivityAudience.Residents), ("郑奶奶", "13805386613", ActivityAudience.Residents)]),
        new("sanlian", OrganiserKind.Unit, "caiyuan-volunteers", "三联小区楼道清扫志愿服务", "volunteer", "清理楼道杂物和小广告，请穿方便活动的衣服，工具由服务队准备。",
            "三联小区7号楼", null, 2, "08:30", "10:30", 3, [ActivityAudience.Volunteers, ActivityAudience.PartyMembers],
            [("王建国", "13805386621", ActivityAudience.PartyMembers), ("孙丽", "13805386622", ActivityAudience.Volunteers),
             ("李明", "13805386623", ActivityAudience.PartyMembers), ("陈静", "13805386624", ActivityAudience.Volunteers)]),
        new("qingshan", OrganiserKind.Community, null, "阳光课堂：假期作业辅导", "education", "老师和社工陪孩子写作业、读绘本，请家长按时接送。",
            "青山社区党群服务中心", null, 6, "14:30", "16:30", 15, [ActivityAudience.Residents], []),
        new("dongqili", OrganiserKind.Street, null, "党建联建主题党日", "party", "成员单位和社区党员共同重温入党誓词，交流今年的共建项目。",
            "东七里社区党群服务中心", null, 7, "15:00", "17:00", 60, [ActivityAudience.PartyMembers, ActivityAudience.Units], []),
    ];

    public static async Task<IReadOnlyList<ActivityState>> SeedAsync(ActivityStore store, ActivityRegistrar registrar, PersonKeys keys,
        IReadOnlyDictionary<string, string> resourceIds, DateTimeOffset now, CancellationToken ct)
    {
        var today = BookingLimits.BeijingDay(now);
        var seeded = new List<ActivityState>();
        foreach (var a in Activities)
        {
            var day = today.AddDays(a.InDays);
            var startsAt = BookingTimes.At(day, BookingTimes.Minutes(a.Start, "start"));
            var by = a.Kind switch
            {
                OrganiserKind.Unit => new Actor(ActorRole.Liaison, a.Unit!),
                OrganiserKind.Street => new Actor(ActorRole.Organizer, DemoData.Caiyuan.Id, "财源街道党工委"),
                _ => new Actor(ActorRole.Dispatcher, a.Community, "社区派单员"),
            };
            var id = ActivityAccess.NewId(now);
            var state = (await store.ExecuteAsync(id, new AnnounceActivity
            {
                By = by, ActivityId = id, CommunityId = a.Community, StreetId = DemoData.Caiyuan.Id, OrganiserKind = a.Kind, OrganiserUnitId = a.Unit,
                Title = a.Title, Category = a.Category, Description = a.Description, Place = a.Place,
                VenueResourceId = a.Venue is null ? null : resourceIds[a.Venue], StartsAt = startsAt,
                EndsAt = BookingTimes.At(day, BookingTimes.Minutes(a.End, "end")), Deadline = startsAt.AddHours(-12), Capacity = a.Capacity, Audiences = a.Audiences,
            }, ct, expectNew: true)).Require("activity " + a.Title);
            foreach (var (name, phone, audience) in a.People)
            {
                var code = OrderIds.NewTrackingCode();
                state = (await registrar.RunAsync(id, new RegisterForActivity
                {
                    By = ActivityAccess.Person, PersonKey = keys.Of(phone), Name = name, Phone = phone, Audience = audience,
                    CancelCodeHash = ActivityAccess.Hash(code), CheckInCode = ActivityAccess.CheckInCodeOf(code),
                }, "seed-" + code, ct)).Require("registration for " + a.Title);
            }
            seeded.Add(state);
        }
        return seeded;
    }
}
