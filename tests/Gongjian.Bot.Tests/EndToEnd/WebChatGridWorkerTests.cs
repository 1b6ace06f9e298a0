using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;
using Microsoft.Playwright;

namespace Gongjian.Bot.Tests.EndToEnd;

/// <summary>
/// A grid worker's 随手拍 in headless Chromium through the real Web Chat page: bound with the code, 随手拍, then the page's
/// 发送位置 (the browser's location, permission granted) reaches the bot as a Place (the photo, category and words follow
/// then the photo through Web Chat's upload button (the report keeps it, stripped), category and words, 确认上报. With
/// GONGJIAN_SCREENSHOTS set, the page is saved as gridworker-webchat-location.png.
/// </summary>
public sealed class WebChatGridWorkerTests(AzuriteFixture azurite) : WebChatTest(azurite)
{
    [Fact]
    public async Task The_chat_pages_location_button_sends_the_browsers_location_to_the_report()
    {
        var cycle = new OrderCycle(App);
        var dispatcher = await App.KeyAsync(ActorRole.Dispatcher, "dongqili", "东七里社区工作人员");
        Assert.True((await cycle.PostAsync("/api/grids", dispatcher, new
        {
            communityId = "dongqili", slug = "baosheng", name = "宝盛网格", area = "阳光花园小区", centreLat = 32.0472, centreLon = 112.1431, radiusMetres = 400,
            team = new object[] { new { role = "worker", name = "王建国", phone = "13907105678" } },
        })).IsSuccessStatusCode);
        await App.KeyAsync(ActorRole.GridWorker, "dongqili.baosheng", "王建国");
        var code = (string)(await (await cycle.PostAsync("/api/grids/dongqili.baosheng/binding-codes", dispatcher, null)).Content.ReadFromJsonAsync<JsonObject>())!["code"]!;

        var chat = await OpenChatAsync(new() { Permissions = ["geolocation"], Geolocation = new() { Latitude = 32.0478f, Longitude = 112.144f } });
        await chat.SayAsync("绑定 " + code);
        await chat.SeeAsync("绑定成功！您是「东七里社区·宝盛网格」的网格员王建国");
        await chat.PressAsync("随手拍");
        await chat.SeeAsync("请拍一张现场照片");
        await chat.Page.GetByRole(AriaRole.Button, new() { Name = "发送位置" }).ClickAsync();
        await chat.SeeAsync("位置收到了。请拍一张现场照片");
        await chat.Page.GetByText("位置已发送").WaitForAsync();
        if (Environment.GetEnvironmentVariable("GONGJIAN_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await chat.ScreenshotAsync(Path.Combine(folder, "gridworker-webchat-location.png"));
        }

        // The photo through Web Chat's own upload button (its file input, as a person picks a file): sent at once, as picked
        // (no 发送 to press), DirectLineJS uploads it to the app's Direct Line, the bot stages it checked and stripped, and
        // the report keeps it without the GPS text.
        await chat.Page.Locator("#webchat input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "现场.png", MimeType = "image/png", Buffer = TestImages.Png(width: 8, height: 6, text: "GPSLatitude 32.0478 GPSLongitude 112.1440"),
        });
        await chat.SeeAsync("照片收到了。请选择问题类别");
        await chat.PressAsync("车辆停放（含僵尸车）");
        await chat.SeeAsync("请用一句话说明问题");
        await chat.SayAsync("3栋旁轿车长期停放，轮胎漏气。");
        await chat.SeeAsync("请核对上报内容");
        await chat.PressAsync("确认上报");
        await chat.SeeAsync("上报成功！编号 GS");
        var id = System.Text.RegularExpressions.Regex.Match(await chat.TranscriptAsync(), "GS[0-9]{6}-[0-9A-Z]{6}").Value;
        var report = (await App.Get<Gongjian.Functions.GridReports.GridReportStore>().LoadAsync(id, CancellationToken.None))!.State;
        Assert.Equal(("vehicle", "3栋旁轿车长期停放，轮胎漏气。"), (report.Category, report.Text));
        var (content, _) = (await App.Get<Gongjian.Functions.Photos.PhotoStore>().OpenAsync(id, Assert.Single(report.PhotoIds), CancellationToken.None))!.Value;
        await using (content)
        {
            using var stored = new MemoryStream();
            await content.CopyToAsync(stored);
            Assert.True(stored.Length > 0);
            Assert.DoesNotContain("GPSLatitude", System.Text.Encoding.Latin1.GetString(stored.ToArray()));
        }
        Assert.True(chat.BrowserLog.Count == 0, string.Join("\n", chat.BrowserLog));
    }

}
