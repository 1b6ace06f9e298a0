using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Projects;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Projects;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Engine;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Projects;

/// <summary>
/// The projects module (项目清单) on the engine inside the app, on real Azurite: claims race for the last
/// place in the project's own stream, lists by street and unit, milestone reports and 督办 timers.
/// </summary>
public sealed class ProjectStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Actor Organizer = new(ActorRole.Organizer, "key-org");
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private ProjectStore Store => _app.Services.GetRequiredService<ProjectStore>();

    private static Actor Liaison(string unit) => new(ActorRole.Liaison, unit);

    private async Task<string> PublishedAsync(int unitsWanted, TimeSpan? milestoneIn = null)
    {
        var id = "p" + Guid.NewGuid().ToString("N")[..10];
        var now = DateTimeOffset.UtcNow;
        await Run(id, new DraftProject
        {
            By = Organizer, ProjectId = id, StreetId = "caiyuan", Title = "健康服务在身边", Category = "医疗健康", Goal = "义诊与健康讲座进社区。",
            StartsOn = now.AddMinutes(-1), EndsOn = now.AddDays(90), UnitsWanted = unitsWanted,
            Milestones = [new("m1", "首场义诊", now + (milestoneIn ?? TimeSpan.FromDays(30)))],
        });
        await Run(id, new PublishProject { By = Organizer });
        return id;
    }

    private async Task<ProjectState> Run(string id, ProjectCommand command)
    {
        var outcome = await Store.ExecuteAsync(id, command, CancellationToken.None);
        Assert.Null(outcome.Rejection);
        return outcome.State;
    }

    private static ClaimProject Claim(string unit) => new()
    {
        By = Liaison(unit), ClaimId = "c-" + unit, UnitId = unit, UnitName = unit + "单位", Commitment = "派两名医生义诊。", ProvideBy = DateTimeOffset.UtcNow.AddDays(20),
    };

    [Fact]
    public async Task Units_racing_for_the_last_place_one_wins_and_the_others_are_told_it_is_full()
    {
        for (var round = 0; round < 4; round++)
        {
            var id = await PublishedAsync(unitsWanted: 2);
            await Run(id, Claim("u0"));
            var units = Enumerable.Range(1, 6).Select(i => $"u{i}").ToList();
            var outcomes = await Task.WhenAll(units.Select(u => Task.Run(() => Store.ExecuteAsync(id, Claim(u), CancellationToken.None))));

            Assert.Single(outcomes, o => o.Rejection is null);
            Assert.All(outcomes.Where(o => o.Rejection is not null), o => Assert.Equal(("project_full", RejectionKind.Conflict), (o.Rejection!.Code, o.Rejection.Kind)));
            var loaded = (await Store.LoadWithHistoryAsync(id, CancellationToken.None))!;
            Assert.Equal(2, loaded.Events.OfType<ProjectClaimed>().Count());
            Assert.Equal(ProjectStatus.Full, loaded.State.Status);
            Assert.Equal(loaded.Events.Count, loaded.State.Version);
        }
    }

    [Fact]
    public async Task Lists_show_the_project_to_its_street_and_to_the_units_holding_a_place_only()
    {
        var id = await PublishedAsync(unitsWanted: 3);
        await Run(id, Claim("ua"));
        await Run(id, Claim("ub"));
        await Run(id, new ApproveClaim { By = Organizer, ClaimId = "c-ua" });
        var state = await Run(id, new DeclineClaim { By = Organizer, ClaimId = "c-ub", Reason = "服务范围不符" });

        var rows = new Dictionary<string, TableEntity>();
        await foreach (var row in _app.Storage.Table(TableNames.ProjectIndex).QueryAsync<TableEntity>(e => e.RowKey.CompareTo("") > 0))
            if (row.RowKey.EndsWith("-" + id, StringComparison.Ordinal)) rows[row.PartitionKey] = row;

        Assert.Equal(["s-caiyuan", "u-ua", "u-ub"], rows.Keys.Order());
        Assert.Equal(state.Version, rows["s-caiyuan"].GetInt32("Version"));
        Assert.Equal(("published", 1, 1, "ua单位"), (rows["s-caiyuan"].GetString("Status"), rows["s-caiyuan"].GetInt32("Approved"),
            rows["s-caiyuan"].GetInt32("PlacesTaken"), rows["s-caiyuan"].GetString("ApprovedUnits")));
        Assert.True(rows["u-ub"].GetBoolean("Removed"));
        Assert.NotEqual(true, rows["u-ua"].GetBoolean("Removed"));
    }

    [Fact]
    public async Task Only_an_approved_unit_reports_a_milestone_with_its_photos()
    {
        var id = await PublishedAsync(unitsWanted: 2);
        await Run(id, Claim("ua"));
        await Run(id, Claim("ub"));
        await Run(id, new ApproveClaim { By = Organizer, ClaimId = "c-ua" });
        await Run(id, new StartProject { By = Organizer });

        var pending = await Store.ExecuteAsync(id, new ReportMilestone { By = Liaison("ub"), UnitId = "ub", MilestoneId = "m1", Text = "已完成。" }, CancellationToken.None);
        Assert.Equal(("not_claimer", RejectionKind.Forbidden), (pending.Rejection?.Code, pending.Rejection?.Kind));
        var stranger = await Store.ExecuteAsync(id, new ReportMilestone { By = Liaison("uz"), UnitId = "uz", MilestoneId = "m1", Text = "已完成。" }, CancellationToken.None);
        Assert.Equal("not_claimer", stranger.Rejection?.Code);
        var posing = await Store.ExecuteAsync(id, new ReportMilestone { By = Liaison("uz"), UnitId = "ua", MilestoneId = "m1", Text = "已完成。" }, CancellationToken.None);
        Assert.Equal("not_own_unit", posing.Rejection?.Code);

        var state = await Run(id, new ReportMilestone { By = Liaison("ua"), UnitId = "ua", MilestoneId = "m1", Text = "首场义诊服务 40 人次。", PhotoIds = ["ph-1"] });
        var report = Assert.Single(state.Reports);
        Assert.Equal(("ua", "m1", "ph-1"), (report.UnitId, report.MilestoneId, report.PhotoIds.Single()));
        var again = await Store.ExecuteAsync(id, new ReportMilestone { By = Liaison("ua"), UnitId = "ua", MilestoneId = "m1", Text = "再报。" }, CancellationToken.None);
        Assert.Equal("milestone_reported", again.Rejection?.Code);
        var replayed = (await Store.LoadWithHistoryAsync(id, CancellationToken.None))!;
        var stored = Assert.Single(replayed.State.Reports);
        Assert.Equal(("ua", "m1", "首场义诊服务 40 人次。", "ph-1"), (stored.UnitId, stored.MilestoneId, stored.Text, Assert.Single(stored.PhotoIds)));
    }

    [Fact]
    public async Task A_milestone_past_due_without_a_report_is_escalated_to_staff_once_by_its_timer()
    {
        var id = await PublishedAsync(unitsWanted: 1, milestoneIn: TimeSpan.FromSeconds(3));
        await Run(id, Claim("ua"));
        await Run(id, new ApproveClaim { By = Organizer, ClaimId = "c-ua" });
        await Run(id, new StartProject { By = Organizer });

        var consumer = _app.Services.GetRequiredService<TimerConsumer<ProjectState, ProjectCommand, ProjectEvent>>();
        var handled = new List<string>();
        for (var i = 0; i < 300 && !(await Store.LoadAsync(id, CancellationToken.None))!.State.EscalatedMilestones.Any(); i++)
        {
            foreach (var m in await EngineRig.DrainAsync(_app, QueueNames.ProjectTimers))
            {
                handled.Add(m.Body.ToString());
                await consumer.RunAsync(m.Body.ToString(), CancellationToken.None);
            }
            await Task.Delay(100);
        }

        var loaded = (await Store.LoadWithHistoryAsync(id, CancellationToken.None))!;
        var escalated = Assert.Single(loaded.Events.OfType<MilestoneEscalated>());
        Assert.Equal("m1", escalated.MilestoneId);
        Assert.Contains(handled, h => h.Contains(id, StringComparison.Ordinal));
        Assert.Empty(_app.Services.GetRequiredService<ProjectModule>().Timers(loaded.State));
        // The same timer again (a redelivery) is stale: nothing more happens.
        foreach (var body in handled) await consumer.RunAsync(body, CancellationToken.None);
        Assert.Single((await Store.LoadWithHistoryAsync(id, CancellationToken.None))!.Events.OfType<MilestoneEscalated>());
    }
}

public sealed class DemoProjectsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_three_demonstration_projects_load_through_the_rules_with_their_claims()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var store = app.Services.GetRequiredService<ProjectStore>();
        var seeded = await Gongjian.Functions.Seed.DemoProjects.SeedAsync(store, Gongjian.Functions.Seed.DemoData.Units.ToDictionary(u => u.Id, u => u.Name),
            DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(["健康服务在身边", "乐享文化·共创文明", "与爱童行"], seeded.Select(p => p.Title));
        Assert.Equal([ProjectStatus.InProgress, ProjectStatus.Published, ProjectStatus.Published], seeded.Select(p => p.Status));
        Assert.Equal("财源街道社区卫生服务中心", seeded[0].Claims.Single(c => c.Status == ClaimStatus.Approved).UnitName);
        foreach (var p in seeded)
            Assert.Equal(p.Version, (await store.LoadWithHistoryAsync(p.Id, CancellationToken.None))!.Events.Count);
    }
}
