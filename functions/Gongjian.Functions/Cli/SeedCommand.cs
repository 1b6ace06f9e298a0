using Gongjian.Domain.Orders;
using Gongjian.Domain.Projects;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Seed;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Cli;

/// <summary><c>seed [--keys]</c>: loads the demo street, communities, units and a few orders; with --keys prints a new key per role.</summary>
public static class SeedCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, bool printKeys, TextWriter output, CancellationToken ct)
    {
        var directory = services.GetRequiredService<CommunityDirectory>();
        var added = 0;
        if (await directory.AddAsync(DemoData.Caiyuan, ct)) added++;
        foreach (var c in DemoData.Communities) if (await directory.AddAsync(c, ct)) added++;
        foreach (var u in DemoData.Units) if (await directory.AddAsync(u, ct)) added++;
        var xianying = 0;
        if (await directory.AddAsync(DemoData.Xianying, ct)) xianying++;
        foreach (var c in DemoData.XianyingCommunities) if (await directory.AddAsync(c, ct)) xianying++;
        foreach (var u in DemoData.XianyingUnits) if (await directory.AddAsync(u, ct)) xianying++;
        if (xianying > 0) await Wishes.DemoWishes.SeedAsync(services, output, ct);
        output.WriteLine($"Directory: {added} new entries ({DemoData.Communities.Count} communities, {DemoData.Units.Count} units in {DemoData.Caiyuan.Name}).");

        if (added > 0)
        {
            var store = services.GetRequiredService<OrderStore>();
            var clock = services.GetRequiredService<TimeProvider>();
            foreach (var o in DemoData.Orders)
            {
                var id = OrderIds.NewOrderId(clock.GetUtcNow());
                var outcome = await store.ExecuteAsync(id, new PlaceOrder
                {
                    By = new Actor(ActorRole.Resident, "resident"), OrderId = id, Text = o.Text, Category = o.Category,
                    CommunityId = o.CommunityId, StreetId = DemoData.Caiyuan.Id, Address = o.Address,
                    Contact = new Contact(o.Name, o.Phone), TrackingCodeHash = OrderAccess.HashTrackingCode(OrderIds.NewTrackingCode()),
                    Origin = OrderOrigin.Direct,
                }, ct);
                output.WriteLine($"Order {id}: {outcome.State.Status.Chinese()} — {o.Text[..12]}…");
            }
        }

        if (added > 0)
        {
            var projects = await DemoProjects.SeedAsync(services.GetRequiredService<Projects.ProjectStore>(), DemoData.Units.ToDictionary(u => u.Id, u => u.Name),
                services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            foreach (var p in projects) output.WriteLine($"Project {p.Id}: {p.Status.Chinese()} — {p.Title}");
        }

        // 需求清单 and 资源清单 (branch lists): a few needs per demo community, a few resources per demo unit; then what runs on
        // them: bookable venues with bookings, upcoming activities with registrations, 双报到 of units and people.
        if (added > 0)
        {
            var unitNames = DemoData.Units.ToDictionary(u => u.Id, u => u.Name);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var (needs, resourceIds) = await DemoLists.SeedAsync(services.GetRequiredService<Needs.NeedStore>(), services.GetRequiredService<Resources.ResourceStore>(),
                unitNames, ct);
            output.WriteLine($"Lists: {needs} needs, {resourceIds.Count} resources in {DemoData.Caiyuan.Name}.");
            var bookings = await DemoBookings.SeedAsync(services.GetRequiredService<Bookings.BookingStore>(), services.GetRequiredService<Resources.ResourceStore>(),
                resourceIds, now, ct);
            output.WriteLine($"Bookings: {bookings} on the next days.");
            var keys = services.GetRequiredService<PersonKeys>();
            var activities = await DemoActivities.SeedAsync(services.GetRequiredService<Activities.ActivityStore>(), services.GetRequiredService<Activities.ActivityRegistrar>(),
                keys, resourceIds, now, ct);
            foreach (var a in activities) output.WriteLine($"Activity {a.Id}: {a.Registered.Count}/{a.Capacity} registered, {a.Waiting.Count} waiting — {a.Title}");
            var (reports, people) = await DemoPeople.SeedAsync(services.GetRequiredService<People.UnitReportStore>(), services.GetRequiredService<People.PersonStore>(),
                keys, unitNames, resourceIds, now, ct);
            output.WriteLine($"双报到: {reports} unit reports, {people} people.");
            var (gridCount, gridReports) = await DemoGrids.SeedAsync(services.GetRequiredService<Grids.GridBook>(), services.GetRequiredService<GridReports.GridReportStore>(), services.GetRequiredService<Photos.PhotoStore>(), now, ct);
            output.WriteLine($"格事坊: {gridCount} grids in 东七里社区, {gridReports} reports.");
            foreach (var d in await DemoDeliberations.SeedAsync(services.GetRequiredService<Deliberations.DeliberationStore>(), keys, now, ct)) output.WriteLine($"议事 {d.Id}: {Gongjian.Domain.Deliberations.DeliberationStatusText.Chinese(d.Status)} — {d.Title}");
            output.WriteLine($"年度评议: {await DemoEvaluation.SeedAsync(services.GetRequiredService<Scorecards.ScorecardStore>(), now, ct)} scheme for {DemoData.Caiyuan.Name}.");
        }

        if (printKeys)
        {
            var keys = services.GetRequiredService<StaffKeys>();
            (ActorRole Role, string Scope, string Name)[] staff =
            [
                (ActorRole.Dispatcher, "dongqili", "东七里社区派单员"),
                (ActorRole.Dispatcher, "sanlian", "三联社区派单员"),
                (ActorRole.Liaison, "baosheng-property", "宝盛置业联络员"),
                (ActorRole.Liaison, "caiyuan-health-centre", "卫生服务中心联络员"),
                (ActorRole.Organizer, DemoData.Caiyuan.Id, "财源街道党工委"),
                (ActorRole.Admin, "", "管理员"),
                (ActorRole.GridWorker, "dongqili.baosheng", "王建国"),
            ];
            output.WriteLine("Staff keys (shown once; use as 'Authorization: Bearer <key>'):");
            foreach (var (role, scope, name) in staff)
            {
                var created = await keys.CreateAsync(role, scope, name, ct);
                output.WriteLine($"  {Caller.RoleCode(role),-10} {scope,-22} {created.Key}");
            }
        }
        return 0;
    }
}
