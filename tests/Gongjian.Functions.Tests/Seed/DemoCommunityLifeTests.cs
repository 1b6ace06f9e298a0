using System.Text.Json;
using Gongjian.Domain.Bookings;
using Gongjian.Functions.Access;
using Gongjian.Functions.Activities;
using Gongjian.Functions.Bookings;
using Gongjian.Functions.Needs;
using Gongjian.Functions.People;
using Gongjian.Functions.Resources;
using Gongjian.Functions.Seed;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Seed;

/// <summary>
/// The demo 财源街道 that scripts/dev seeds for activities, bookings and 双报到 goes through the modules' rules and reads
/// back through the API as its users would see it: counts (not names) on the public list, taken slots, pending
/// approvals, people with teams and hours.
/// </summary>
public sealed class DemoCommunityLifeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    [Fact]
    public async Task The_demo_street_has_activities_bookings_and_people_as_the_api_shows_them()
    {
        var ct = CancellationToken.None;
        var units = DemoData.Units.ToDictionary(u => u.Id, u => u.Name);
        var now = Service<TimeProvider>().GetUtcNow();
        var (_, resources) = await DemoLists.SeedAsync(Service<NeedStore>(), Service<ResourceStore>(), units, ct);
        Assert.Equal(3, await DemoBookings.SeedAsync(Service<BookingStore>(), Service<ResourceStore>(), resources, now, ct));
        var activities = await DemoActivities.SeedAsync(Service<ActivityStore>(), Service<ActivityRegistrar>(), Service<PersonKeys>(), resources, now, ct);
        Assert.Equal((3, 3), await DemoPeople.SeedAsync(Service<UnitReportStore>(), Service<PersonStore>(), Service<PersonKeys>(), units, resources, now, ct));

        // 三联's public list: the health talk and the volunteer task, full with one waiting — counts only, no names.
        var publicList = await _app.GetAsync("/api/activities/public?community=sanlian");
        var text = await publicList.Content.ReadAsStringAsync();
        var items = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var task = Assert.Single(items, i => i.GetProperty("title").GetString() == "三联小区楼道清扫志愿服务");
        Assert.Equal((3, 3, 1), (task.GetProperty("capacity").GetInt32(), task.GetProperty("registeredCount").GetInt32(), task.GetProperty("waitingCount").GetInt32()));
        foreach (var name in new[] { "王建国", "孙丽", "李明", "陈静", "赵先生", "13805386621" }) Assert.DoesNotContain(name, text);
        Assert.All(activities, a => Assert.True(a.StartsAt > now && a.Deadline < a.StartsAt));

        // 宝盛's 活动室 takes bookings at once: tomorrow 15:00–17:00 is taken, 14:00 is free.
        var room = resources["宝盛网格驿站活动室"];
        var tomorrow = BookingLimits.BeijingDay(now).AddDays(1).ToString("yyyy-MM-dd");
        var slots = (await (await _app.GetAsync($"/api/resources/{room}/availability?date={tomorrow}")).ReadJsonAsync(200)).GetProperty("slots").EnumerateArray()
            .ToDictionary(s => s.GetProperty("start").GetString()!, s => s.GetProperty("free").GetBoolean());
        Assert.Equal((true, false, false, true), (slots["14:00"], slots["15:00"], slots["16:00"], slots["17:00"]));

        // The health centre approves its 健康教室's bookings: one waits for its liaison.
        var health = await _app.LiaisonAsync("caiyuan-health-centre");
        var days = (await (await _app.GetAsync("/api/bookings?unit=caiyuan-health-centre", health)).ReadJsonAsync(200)).GetProperty("items").EnumerateArray().ToList();
        var day = Assert.Single(days);
        Assert.Equal((1, 0), (day.GetProperty("pending").GetInt32(), day.GetProperty("approved").GetInt32()));

        // 双报到: 东七里 has 宝盛's accepted report with one commitment met and the law firm's waiting; 三联's people with teams and hours.
        var reports = (await (await _app.GetAsync("/api/unitreports?communityId=dongqili", await _app.DispatcherAsync())).ReadJsonAsync(200)).GetProperty("items")
            .EnumerateArray().ToDictionary(i => i.GetProperty("unitId").GetString()!, i => (i.GetProperty("status").GetString(), i.GetProperty("commitmentsMet").GetInt32()));
        Assert.Equal(("accepted", 1), reports["baosheng-property"]);
        Assert.Equal(("reported", 0), reports["daizong-law-firm"]);
        var people = (await (await _app.GetAsync("/api/people", await _app.DispatcherAsync("sanlian"))).ReadJsonAsync(200)).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("name").GetString()!, i => (i.GetProperty("status").GetString(), i.GetProperty("hours").GetDouble(), i.GetProperty("teams")[0].GetString()));
        Assert.Equal(("confirmed", 5.0, "学雷锋志愿服务队"), people["王建国"]);
        Assert.Equal(("confirmed", 4.0, "巾帼志愿服务队"), people["孙丽"]);
    }
}
