using Gongjian.Domain.Orders;
using Gongjian.Domain.Projects;
using Gongjian.Functions.Projects;

namespace Gongjian.Functions.Seed;

/// <summary>
/// 财源街道's three 示范项目 from the seed report (000): “健康服务在身边”, “乐享文化·共创文明” and
/// “与爱童行”, with a few claims by the demo units, loaded through the projects module's rules.
/// </summary>
public static class DemoProjects
{
    private sealed record Demo(string Title, string Category, string Goal, string? CommunityId, int UnitsWanted, string[] Milestones,
        (string Unit, string Commitment, bool Approved)[] Claims, bool Start);

    private static readonly Demo[] Projects =
    [
        new("健康服务在身边", "医疗健康", "组织辖区医疗单位为老年人、慢性病患者开展义诊、健康讲座和上门随访。", null, 5,
            ["首场社区义诊", "健康知识讲座", "上门随访总结"],
            [("caiyuan-health-centre", "每月派两名医生到各社区义诊一次，建立健康档案。", true), ("taian-rescue-station", "为困难群众提供就医转介。", false)], true),
        new("乐享文化·共创文明", "文化教育", "在东七里社区开展文明实践、读书分享和文艺汇演，丰富居民精神文化生活。", "dongqili", 3,
            ["读书分享会", "文艺汇演"],
            [("caiyuan-volunteers", "组织志愿者开展每周一次读书分享。", true)], false),
        new("与爱童行", "帮贫解困", "关爱困境儿童和留守儿童：课业辅导、心理陪伴和法律保护宣传。", null, 4,
            ["结对帮扶名单确定", "暑期陪伴活动"],
            [("daizong-law-firm", "为困境儿童家庭提供免费法律咨询。", false)], false),
    ];

    public static async Task<IReadOnlyList<ProjectState>> SeedAsync(ProjectStore store, IReadOnlyDictionary<string, string> unitNames, DateTimeOffset now, CancellationToken ct)
    {
        var organizer = new Actor(ActorRole.Organizer, "seed", "财源街道党工委");
        var seeded = new List<ProjectState>();
        foreach (var p in Projects)
        {
            var id = ProjectAccess.NewId();
            var by = p.CommunityId is null ? organizer : new Actor(ActorRole.Dispatcher, "seed", "社区派单员");
            var state = await RunAsync(store, id, new DraftProject
            {
                By = by, ProjectId = id, StreetId = DemoData.Caiyuan.Id, CommunityId = p.CommunityId, Title = p.Title, Category = p.Category, Goal = p.Goal,
                StartsOn = now, EndsOn = now.AddMonths(6), UnitsWanted = p.UnitsWanted,
                Milestones = p.Milestones.Select((t, i) => new Milestone($"m{i + 1}", t, now.AddMonths(i + 1))).ToList(),
            }, ct);
            state = await RunAsync(store, id, new PublishProject { By = by }, ct);
            foreach (var (unit, commitment, approved) in p.Claims)
            {
                var claimId = "cl" + Guid.NewGuid().ToString("N")[..10];
                state = await RunAsync(store, id, new ClaimProject
                {
                    By = new Actor(ActorRole.Liaison, unit), ClaimId = claimId, UnitId = unit, UnitName = unitNames.GetValueOrDefault(unit, unit),
                    Commitment = commitment, ProvideBy = now.AddMonths(1),
                }, ct);
                if (approved) state = await RunAsync(store, id, new ApproveClaim { By = by, ClaimId = claimId }, ct);
            }
            if (p.Start) state = await RunAsync(store, id, new StartProject { By = by }, ct);
            seeded.Add(state);
        }
        return seeded;
    }

    private static async Task<ProjectState> RunAsync(ProjectStore store, string id, ProjectCommand command, CancellationToken ct)
    {
        var outcome = await store.ExecuteAsync(id, command, ct);
        return outcome.Rejection is { } r ? throw new InvalidOperationException($"Demo project {id}: {r.Code}") : outcome.State;
    }
}
