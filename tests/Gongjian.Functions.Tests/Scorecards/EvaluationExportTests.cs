using System.IO.Compression;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Gongjian.Functions.Tests.Scorecards;

/// <summary>
/// The .xlsx and .csv exports on Azurite, opened and read back: sheet names, Chinese headers, numbers as numbers, the scorecard's
/// points and grades, nothing personal; another street's export and an unknown export refused.
/// </summary>
public sealed class EvaluationExportTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.FromHours(8)));
    private TestApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock));
        await EvaluationYard.WriteAsync(_app);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<MemoryStream> XlsxAsync(string query, string key)
    {
        var response = await _app.GetAsync("/api/evaluation/export" + query, key);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return new MemoryStream(await response.Content.ReadAsByteArrayAsync());
    }

    private static List<IDictionary<string, object>> Sheet(Stream xlsx, string name) =>
        [.. xlsx.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object>>()];

    [Fact]
    public async Task The_indicators_export_has_a_sheet_per_level_with_chinese_headers_and_numbers_as_numbers()
    {
        using var xlsx = await XlsxAsync("?what=indicators&period=2026", await _app.OrganizerAsync());
        Assert.Equal(["工单指标", "共建指标-单位", "共建指标-社区", "共建指标-街道", "指标定义"], xlsx.GetSheetNames());
        var units = Sheet(xlsx, "共建指标-单位");
        var baosheng = units.Single(r => (string)r["单位"] == "泰山宝盛置业有限公司");
        Assert.Equal(("2026年", 2.0, 2.0, 4.0), ((string)baosheng["期间"], (double)baosheng["认领项目"], (double)baosheng["活动参与人次"], (double)baosheng["活动服务时长"]));
        Assert.Equal(6.5, (double)units.Single(r => (string)r["单位"] == "财源街道社区卫生服务中心")["志愿服务时长"]);
        var communities = Sheet(xlsx, "共建指标-社区");
        Assert.Equal(["三联社区", "东七里社区", "青山社区"], communities.Select(r => (string)r["社区"]).Order());
        Assert.Equal(1.0, (double)communities.Single(r => (string)r["社区"] == "青山社区")["实现微心愿"]);
        var orders = Sheet(xlsx, "工单指标");
        Assert.Equal("合计", (string)Assert.Single(orders)["单位"]); // no orders this year: the total row only, its rates empty
        Assert.Null(orders[0]["响应率"]);
        Assert.Equal(0.0, (double)orders[0]["收到派单"]);
        Assert.Contains(Sheet(xlsx, "指标定义"), r => (string)r["代码"] == "volunteer_hours");
        Assert.DoesNotContain("p3", ZipText(xlsx));
    }

    [Fact]
    public async Task The_indicators_as_csv_are_one_table_of_units_communities_and_the_street_in_utf8_with_a_bom()
    {
        var organizer = await _app.OrganizerAsync();
        var response = await _app.GetAsync("/api/evaluation/export?what=indicators&period=2026&format=csv", organizer);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("考核指标.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3)); // Excel in Chinese reads it as UTF-8
        var rows = new MemoryStream(bytes).Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object>>().ToList();
        var baosheng = rows.Single(r => (string)r["名称"] == "泰山宝盛置业有限公司");
        Assert.Equal(("单位", "2", "2", "4"), ((string)baosheng["层级"], (string)baosheng["认领项目"], (string)baosheng["活动参与人次"], (string)baosheng["活动服务时长"]));
        Assert.Equal("1", (string)rows.Single(r => (string)r["层级"] == "社区" && (string)r["名称"] == "青山社区")["实现微心愿"]);
        var street = rows.Single(r => (string)r["层级"] == "街道");
        Assert.Equal(("合计", "3", "0"), ((string)street["名称"], (string)street["认领项目"], (string)street["收到派单"]));
        Assert.Equal(["单位", "社区", "街道"], rows.Select(r => (string)r["层级"]).Distinct());
        Assert.DoesNotContain("p3", System.Text.Encoding.UTF8.GetString(bytes));

        await (await _app.GetAsync("/api/evaluation/export?what=scorecard&year=2026&format=csv", organizer)).ShouldBeProblemAsync(404, "scheme_not_found");
        await (await _app.GetAsync("/api/evaluation/export?what=indicators&format=pdf", organizer)).ShouldBeProblemAsync(400, "invalid_format");
    }

    [Fact]
    public async Task The_scorecard_export_carries_points_grades_and_the_scheme_version()
    {
        var organizer = await _app.OrganizerAsync();
        await (await _app.PostAsync("/api/evaluation/schemes", new
        {
            year = 2026, total = 100, items = new object[] { new { indicator = "projects_claimed", pointsPer = 20, cap = 40 }, new { indicator = "volunteer_hours", pointsPer = 4, cap = 40 } },
            manual = new { name = "居民代表评议", max = 20 }, grades = new { excellent = 60, good = 40, pass = 20 },
        }, organizer)).ReadJsonAsync(201);
        await (await _app.SendAsync(HttpMethod.Put, "/api/evaluation/manual", new { year = 2026, unitId = "caiyuan-health-centre", score = 12.5 }, organizer)).ReadJsonAsync(200);
        using var xlsx = await XlsxAsync("?what=scorecard&year=2026", organizer);
        Assert.Equal(["评议成绩", "评议方案", "说明"], xlsx.GetSheetNames());
        var lines = Sheet(xlsx, "评议成绩");
        // 卫生服务中心: 20 (1 claim) + 26 (6.5 h × 4) + 12.5 = 58.5 → 良好; 宝盛: 40 (2 claims) → 良好, second.
        Assert.Equal([(1.0, "财源街道社区卫生服务中心", 58.5, "良好"), (2.0, "泰山宝盛置业有限公司", 40.0, "良好")],
            lines.Take(2).Select(r => ((double)r["名次"], (string)r["单位"], (double)r["总分"], (string)r["等级"])));
        Assert.Equal((20.0, 26.0, 12.5), ((double)lines[0]["认领项目（得分）"], (double)lines[0]["志愿服务时长（得分）"], (double)lines[0]["居民代表评议"]));
        Assert.Null(lines[1]["居民代表评议"]);
        Assert.Contains(Sheet(xlsx, "说明"), r => (string)r["项目"] == "方案版本" && (double)r["内容"] == 1);
        var csv = await _app.GetAsync("/api/evaluation/export?what=scorecard&year=2026&format=csv", organizer);
        var csvLines = new MemoryStream(await csv.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(("1", "财源街道社区卫生服务中心", "58.5", "良好"), ((string)csvLines[0]["名次"], (string)csvLines[0]["单位"], (string)csvLines[0]["总分"], (string)csvLines[0]["等级"]));

        // A liaison's export holds its own line only; another street's is refused; so is an unknown export.
        using var own = await XlsxAsync("?what=scorecard&year=2026", await _app.LiaisonAsync());
        Assert.Equal(["泰山宝盛置业有限公司"], Sheet(own, "评议成绩").Select(r => (string)r["单位"]));
        await (await _app.GetAsync("/api/evaluation/export?what=scorecard&street=xianying", organizer)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/evaluation/export?what=people", organizer)).ShouldBeProblemAsync(400, "invalid_export");
        await (await _app.GetAsync("/api/evaluation/export?what=indicators&period=2027", organizer)).ShouldBeProblemAsync(400, "period_in_future");

        // Each export served is recorded (who, when, what); the refused ones are not. (Both at the same test-clock moment: compared in role order.)
        var log = (await _app.Services.GetRequiredService<Gongjian.Functions.Scorecards.EvaluationExportLog>().ReadAsync("caiyuan", 10, CancellationToken.None))
            .OrderBy(e => e.Role, StringComparer.Ordinal).ThenBy(e => e.FileName, StringComparer.Ordinal).ToList();
        Assert.Equal([("liaison", "scorecard", "2026", "baosheng-property", "caiyuan-2026-年度评议.xlsx"), ("organizer", "scorecard", "2026", null, "caiyuan-2026-年度评议.csv"),
            ("organizer", "scorecard", "2026", null, "caiyuan-2026-年度评议.xlsx")], log.Select(e => (e.Role, e.What, e.Period, e.UnitId, e.FileName)));
        Assert.All(log, e => Assert.Equal(_clock.GetUtcNow(), e.At));
        Assert.Equal("财源街道党工委", log[1].By);
        Assert.All(log, e => Assert.NotEqual("", e.KeyId));
    }

    [Fact]
    public async Task The_organizer_reads_who_exported_what_newest_first_and_nobody_else_may()
    {
        var organizer = await _app.OrganizerAsync();
        using (await XlsxAsync("?what=indicators&period=2026-Q2", organizer)) { }
        _clock.Advance(TimeSpan.FromMinutes(5));
        var csv = await _app.GetAsync("/api/evaluation/export?what=indicators&period=2026&format=csv", await _app.LiaisonAsync());
        Assert.Equal(200, (int)csv.StatusCode);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await (await _app.GetAsync("/api/evaluation/export?what=people", organizer)).ShouldBeProblemAsync(400, "invalid_export");

        var list = await (await _app.GetAsync("/api/evaluation/exports", organizer)).ReadJsonAsync(200);
        Assert.Equal("caiyuan", list.GetProperty("streetId").GetString());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([("indicators", "考核指标", "2026", "csv", "baosheng-property", "泰山宝盛置业有限公司", "单位联络员", "宝盛置业联络员"),
                ("indicators", "考核指标", "2026-Q2", "xlsx", null, null, "组织方", "财源街道党工委")],
            items.Select(i => (i.GetProperty("what").GetString(), i.GetProperty("whatText").GetString(), i.GetProperty("period").GetString(), i.GetProperty("format").GetString(),
                i.GetProperty("unitId").GetString(), i.GetProperty("unitName").GetString(), i.GetProperty("roleName").GetString(), i.GetProperty("by").GetString())));
        Assert.Equal(["2026年", "2026年第二季度"], items.Select(i => i.GetProperty("periodText").GetString()));
        Assert.True(items[0].GetProperty("at").GetDateTimeOffset() - items[1].GetProperty("at").GetDateTimeOffset() == TimeSpan.FromMinutes(5));
        Assert.Single((await (await _app.GetAsync("/api/evaluation/exports?take=1", organizer)).ReadJsonAsync(200)).GetProperty("items").EnumerateArray());

        await (await _app.GetAsync("/api/evaluation/exports", await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "organizer_only");
        await (await _app.GetAsync("/api/evaluation/exports", await _app.DispatcherAsync())).ShouldBeProblemAsync(403, "organizer_only");
        await (await _app.GetAsync("/api/evaluation/exports?street=xianying", organizer)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/evaluation/exports?take=0", organizer)).ShouldBeProblemAsync(400, "invalid_take");
        await (await _app.GetAsync("/api/evaluation/exports?take=abc", organizer)).ShouldBeProblemAsync(400, "invalid_take");
        await (await _app.GetAsync("/api/evaluation/exports", await _app.KeyAsync(Gongjian.Domain.Orders.ActorRole.Admin))).ShouldBeProblemAsync(400, "street_required");
    }

    private static string ZipText(Stream xlsx)
    {
        xlsx.Position = 0;
        using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}
