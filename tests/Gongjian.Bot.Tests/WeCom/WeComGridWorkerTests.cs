using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.GridReports;
using Gongjian.Domain.Orders;
using Gongjian.Functions.GridReports;
using Gongjian.WeChatSim;

namespace Gongjian.Bot.Tests.WeCom;

/// <summary>
/// A grid worker's 随手拍 in the WeCom app, over the real wire format: bind with the code the dispatcher issued, a photo,
/// the category, WeCom's 位置 message (its Label becomes the place), 确认上报; the report is filed as the worker.
/// </summary>
public sealed class WeComGridWorkerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Worker = "WangJianguo_grid";
    private WeComRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await WeComRig.StartAsync(azurite);
    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    private async Task<string> TextWithAsync(string part) =>
        (await _rig.Sim.WaitForAsync(Worker, i => i.Any(r => r.Kind == WeComReceived.Message && r.Text.Contains(part))))
            .Last(r => r.Kind == WeComReceived.Message && r.Text.Contains(part)).Text;

    private static void Taken(WeComPost post) => Assert.True(post.Status == 200, $"HTTP {post.Status}: {post.Body}");

    [Fact]
    public async Task A_grid_worker_files_a_report_with_a_photo_and_a_wecom_location()
    {
        var dispatcher = await _rig.App.KeyAsync(ActorRole.Dispatcher, "dongqili", "东七里社区工作人员");
        Assert.True((await _rig.Cycle.PostAsync("/api/grids", dispatcher, new
        {
            communityId = "dongqili", slug = "baosheng", name = "宝盛网格", area = "阳光花园小区", centreLat = 32.0472, centreLon = 112.1431, radiusMetres = 400,
            team = new object[] { new { role = "worker", name = "王建国", phone = "13907105678" } },
        })).IsSuccessStatusCode);
        await _rig.App.KeyAsync(ActorRole.GridWorker, "dongqili.baosheng", "王建国");
        var issued = await _rig.Cycle.PostAsync("/api/grids/dongqili.baosheng/binding-codes", dispatcher, null);
        var code = (string)(await issued.Content.ReadFromJsonAsync<JsonObject>())!["code"]!;

        Taken(await _rig.Sim.TextAsync(Worker, "绑定 " + code));
        await TextWithAsync("绑定成功！您是「东七里社区·宝盛网格」的网格员王建国");
        Taken(await _rig.Sim.ImageAsync(Worker, TestImages.Png(text: "GPSLatitude 32.0478")));
        Assert.Contains("可以回复：环境卫生、车辆停放（含僵尸车）、设施损坏", await TextWithAsync("请选择问题类别"));
        Taken(await _rig.Sim.TextAsync(Worker, "设施损坏"));
        await TextWithAsync("请发送问题所在的位置");
        Taken(await _rig.Sim.LocationAsync(Worker, 32.0478, 112.1440, "阳光花园小区5栋"));
        await TextWithAsync("请用一句话说明问题");
        Taken(await _rig.Sim.TextAsync(Worker, "5栋单元门门禁坏了，关不上。"));
        var summary = await TextWithAsync("请核对上报内容");
        foreach (var line in new[] { "格事坊上报", "类别：设施损坏", "说明：5栋单元门门禁坏了，关不上。", "地点：阳光花园小区5栋", "照片：1 张", "可以回复：确认上报、修改、取消" })
            Assert.True(summary.Contains(line), $"expected '{line}' in:\n{summary}");
        Taken(await _rig.Sim.TextAsync(Worker, "确认上报"));
        var filed = await TextWithAsync("上报成功");
        var id = System.Text.RegularExpressions.Regex.Match(filed, "GS[0-9]{6}-[0-9A-Z]{6}").Value;

        var s = (await _rig.App.Get<GridReportStore>().LoadAsync(id, CancellationToken.None))!.State;
        Assert.Equal(("facility", "5栋单元门门禁坏了，关不上。", "阳光花园小区5栋", new GeoPoint(32.0478, 112.1440), "王建国"),
            (s.Category, s.Text, s.Place, s.Location, s.Reporter!.Name));
        Assert.Single(s.PhotoIds);
        await Transcripts.SaveAsync("wecom-gridworker-report.md", WeComTranscript());
        var leaks = _rig.Logs.Lines.Where(l => l.Contains(Worker) || l.Contains("32.0478") || l.Contains("门禁坏了")).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n----\n", leaks));
    }

    private string WeComTranscript() =>
        "# 企业微信：网格员随手拍上报（格事坊）\n\n测试 `WeComGridWorkerTests.A_grid_worker_files_a_report_with_a_photo_and_a_wecom_location` 生成（企业微信模拟器，Azurite）。\n\n" +
        string.Join("\n\n", _rig.Sim.Conversation(Worker).Select(r => r.Kind == WeComReceived.Member
            ? "**网格员**：" + r.Text
            : "**小助手**：" + r.Text.Replace("\n", "  \n")));
}
