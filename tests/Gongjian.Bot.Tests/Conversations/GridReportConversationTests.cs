using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.GridReports;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.GridReports;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Storage;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>
/// 格事坊 随手拍 from chat, through the real app (Direct Line, Azure Tables and Blobs on Azurite, the grid report module): the
/// community's dispatcher issues a grid worker's binding code, the worker binds the chat, sends a photo with a caption, picks
/// the category, shares the location and confirms; the report is the same as one filed from the phone page; staff resolve it
/// and the worker hears it in chat; 我的上报 lists it. Refusals: wrong role, a retired key, hostile input.
/// </summary>
public sealed partial class GridReportConversationTests(AzuriteFixture azurite) : BotAppTest(azurite)
{
    private const string GridId = "dongqili.baosheng";
    private const string Caption = "阳光花园小区3栋旁一辆轿车长期停放，轮胎漏气，疑似僵尸车。";
    private static readonly byte[] Photo = TestImages.Png(width: 8, height: 6, text: "GPSLatitude 32.0478 GPSLongitude 112.1440");

    [Fact]
    public async Task A_grid_worker_binds_files_a_report_from_chat_and_hears_how_staff_handled_it()
    {
        var (dispatcher, worker, keyId) = await GridWithWorkerAsync();
        var chat = await StartAsync();
        Expect(await chat.SayAsync($"绑定 {await CodeAsync(dispatcher)}"), "绑定成功！您是「东七里社区·宝盛网格」的网格员王建国");
        Expect(await chat.SayAsync("我的上报"), "您还没有在这里上报过问题");
        Expect(await chat.SendFileAsync(Caption, "image/png", Photo), "照片收到了。请选择问题类别", "环境卫生|车辆停放（含僵尸车）|设施损坏");
        Expect(await chat.SayAsync("车辆停放"), "请发送问题所在的位置");
        Expect(await chat.SayAsync("好的"), "请发送问题所在的位置"); // not taken as the place
        Expect(await chat.SayAsync("阳光花园小区3栋旁"), "地点记下了。还需要您发送一下定位");
        var card = await chat.ShareLocationAsync(32.0478, 112.1440, "泰安市泰山区阳光花园小区");
        Expect(card, "位置收到了。", "请核对上报内容", "格事坊上报", "\"value\":\"车辆停放（含僵尸车）\"", Caption, "\"value\":\"阳光花园小区3栋旁\"",
            "\"value\":\"1 张\"", "\"title\":\"确认上报\"", "\"title\":\"取消\"");
        Assert.DoesNotContain("32.04", card); // the worker's coordinates are not said back
        var filed = await chat.SayAsync("确认上报");
        Expect(filed, "上报成功！编号 GS", "状态：待处置");
        var id = ReportId().Match(filed).Value;

        var s = await StateAsync(id);
        Assert.Equal((ReportStatus.Open, GridId, "dongqili", "vehicle", Caption, "阳光花园小区3栋旁"), (s.Status, s.GridId, s.CommunityId, s.Category, s.Text, s.Place));
        Assert.Equal(new GeoPoint(32.0478, 112.1440), s.Location);
        Assert.Equal((ActorRole.GridWorker, keyId, "王建国"), (s.Reporter!.Role, s.Reporter.Id, s.Reporter.Name));
        Assert.False(Contains(await PhotoAsync(id, Assert.Single(s.PhotoIds)), "GPSLatitude")); // stored stripped

        // 确认上报 again (the card stays on the screen): no second report.
        Expect(await chat.SayAsync("确认上报"), "现在没有待确认的上报");
        Assert.Single(await GridIndexAsync());

        Expect(await chat.SayAsync("我的上报"), "您最近的上报：", $"{id}：待处置。车辆停放（含僵尸车），阳光花园小区3栋旁");
        var resolved = await Cycle.PostAsync($"/api/grid-reports/{id}/resolve", dispatcher, new { note = "已联系车主挪走车辆。" });
        Assert.True(resolved.IsSuccessStatusCode, await resolved.Content.ReadAsStringAsync());
        var notice = await NoticeAsync(chat, "已就地解决");
        Assert.Contains($"您上报的“车辆停放（含僵尸车）·阳光花园小区3栋旁”（{id}）已就地解决：已联系车主挪走车辆。", notice);
        Expect(await chat.SayAsync("我的上报"), $"{id}：已就地解决。");
        // As for a report from the phone page: the evaluation record, and the worker's console inbox has the outcome too.
        var records = await GetAsync("/api/records?street=caiyuan", await App.KeyAsync(ActorRole.Organizer, "caiyuan", "财源街道组织方"));
        Assert.Contains("grid_report_resolved", records);
        Assert.Contains(id, records);
        Assert.Contains(id, await GetAsync("/api/inbox", worker));

        var transcript = Transcripts.Render("网格员在聊天中随手拍上报（格事坊）",
            [("网格员王建国（东七里社区·宝盛网格）", chat.Seen)],
            "测试 `GridReportConversationTests.A_grid_worker_binds_files_a_report_from_chat_and_hears_how_staff_handled_it` 生成（Direct Line，Azurite）。" +
            "绑定码由东七里社区派单员在工作台“网格管理”中发放；上报后，派单员在格事坊“就地解决”了这条上报。");
        Assert.DoesNotContain("没太明白", transcript);
        await Transcripts.SaveAsync("gridworker-report.md", transcript);
    }

    [Fact]
    public async Task A_worker_revises_the_category_and_the_place_on_the_summary_card_before_filing()
    {
        var (dispatcher, _, _) = await GridWithWorkerAsync();
        var chat = await StartAsync();
        Expect(await chat.SayAsync($"绑定 {await CodeAsync(dispatcher)}"), "绑定成功");
        Expect(await chat.SendFileAsync(Caption, "image/png", Photo), "请选择问题类别");
        Expect(await chat.SayAsync("环境卫生"), "请发送问题所在的位置");
        Expect(await chat.SayAsync("阳光花园小区3栋旁"), "还需要您发送一下定位");
        Expect(await chat.ShareLocationAsync(32.0478, 112.1440, null), "请核对上报内容", "\"value\":\"环境卫生\"", "\"title\":\"修改\"");

        Expect(await chat.SayAsync("修改"), "您想修改哪一项", "类别|地点|说明");
        Expect(await chat.SayAsync("照片"), "您想修改哪一项"); // not an item: asked again
        Expect(await chat.SayAsync("类别"), "请选择问题类别");
        Expect(await chat.SayAsync("车辆停放"), "请核对上报内容", "\"value\":\"车辆停放（含僵尸车）\"", "\"value\":\"阳光花园小区3栋旁\"");
        Expect(await chat.SayAsync("修改"), "您想修改哪一项");
        Expect(await chat.SayAsync("地点"), "请发送问题所在的位置");
        Expect(await chat.SayAsync("阳光花园小区5栋北侧"), "还需要您发送一下定位");
        Expect(await chat.ShareLocationAsync(32.0483, 112.1436, null), "请核对上报内容", "\"value\":\"阳光花园小区5栋北侧\"", "\"value\":\"1 张\"");
        var id = ReportId().Match(await chat.SayAsync("确认上报")).Value;

        var s = await StateAsync(id);
        Assert.Equal(("vehicle", "阳光花园小区5栋北侧", Caption), (s.Category, s.Place, s.Text));
        Assert.Equal(new GeoPoint(32.0483, 112.1436), s.Location);
        Assert.Single(s.PhotoIds);
        Assert.Single(await GridIndexAsync());
        await Transcripts.SaveAsync("gridworker-revise.md", Transcripts.Render("网格员在核对卡片上修改类别和地点（格事坊）",
            [("网格员王建国（东七里社区·宝盛网格）", chat.Seen)],
            "测试 `GridReportConversationTests.A_worker_revises_the_category_and_the_place_on_the_summary_card_before_filing` 生成（Direct Line，Azurite）。"));
    }

    [Fact]
    public async Task A_reports_outcome_is_told_in_the_reporters_chat_not_in_another_workers_of_the_grid()
    {
        var (dispatcher, _, _) = await GridWithWorkerAsync();
        var wang = await StartAsync();
        Expect(await wang.SayAsync($"绑定 {await CodeAsync(dispatcher)}"), "绑定成功！您是「东七里社区·宝盛网格」的网格员王建国");
        var liuKey = (await App.Get<StaffKeys>().FindAsync(await App.KeyAsync(ActorRole.GridWorker, GridId, "刘桂兰"), CancellationToken.None))!.KeyId;
        var liu = await StartAsync();
        Expect(await liu.SayAsync($"绑定 {await CodeAsync(dispatcher, liuKey)}"), "绑定成功！您是「东七里社区·宝盛网格」的网格员刘桂兰");

        var ids = new List<string>();
        foreach (var chat in new[] { wang, liu })
        {
            Expect(await chat.SendFileAsync(Caption, "image/png", Photo), "请选择问题类别");
            Expect(await chat.SayAsync("车辆停放"), "请发送问题所在的位置");
            Expect(await chat.SayAsync("阳光花园小区3栋旁"), "还需要您发送一下定位");
            Expect(await chat.ShareLocationAsync(32.0478, 112.1440, null), "请核对上报内容");
            ids.Add(ReportId().Match(await chat.SayAsync("确认上报")).Value);
        }

        // The notice is delivered while the outcome is saved (the relay runs inline): when the answer is back, every chat that gets it has it.
        foreach (var (id, note) in ids.Zip(["已联系车主挪走车辆。", "已请交警张贴告知单。"]))
        {
            var resolved = await Cycle.PostAsync($"/api/grid-reports/{id}/resolve", dispatcher, new { note });
            Assert.True(resolved.IsSuccessStatusCode, await resolved.Content.ReadAsStringAsync());
        }
        Assert.Contains(ids[0], await NoticeAsync(wang, "已就地解决"));
        Assert.Contains(ids[1], await NoticeAsync(liu, "已就地解决"));
        await wang.PollAsync();
        await liu.PollAsync();
        Assert.DoesNotContain(BotTexts(wang), t => t.Contains(ids[1], StringComparison.Ordinal));
        Assert.DoesNotContain(BotTexts(liu), t => t.Contains(ids[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_report_filed_from_chat_is_the_same_as_one_filed_from_the_phone_page()
    {
        var (dispatcher, worker, _) = await GridWithWorkerAsync();
        var chat = await StartAsync();
        Expect(await chat.SayAsync($"绑定 {await CodeAsync(dispatcher)}"), "绑定成功");
        // In another order: the location first, then the photo with its caption, then the category.
        Expect(await chat.ShareLocationAsync(32.0478, 112.1440, "阳光花园小区3栋旁"), "位置收到了。请拍一张现场照片");
        Expect(await chat.SendFileAsync(Caption, "image/png", Photo), "照片收到了。请选择问题类别");
        Expect(await chat.SayAsync("车辆停放（含僵尸车）"), "请核对上报内容");
        // 确认上报 re-sent twice under the same client activity id (a flaky network): one turn, one report.
        for (var i = 0; i < 3; i++)
        {
            using var request = chat.Request(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities");
            request.Content = JsonContent.Create(new { type = "message", text = "确认上报", from = new { id = chat.UserId }, channelData = new { clientActivityID = "confirm-1" } });
            Assert.True((await App.Http.SendAsync(request)).IsSuccessStatusCode);
        }
        var mine = await chat.SayAsync("我的上报"); // turns run in order: a second 确认 turn would have answered before this
        Assert.Single(chat.Seen, a => (string?)a["channelData"]?["clientActivityID"] == "confirm-1");
        var filedReplies = chat.Seen.Where(a => DirectLineClient.IsBotMessage(a) && ((string?)a["text"] ?? "").StartsWith("上报成功", StringComparison.Ordinal)).ToList();
        var fromChat = await StateAsync(ReportId().Match((string)Assert.Single(filedReplies)["text"]!).Value);
        Assert.Contains(fromChat.Id, mine);
        Assert.Single(await GridIndexAsync());

        var http = await Cycle.PostAsync("/api/grid-reports", worker, new
        {
            gridId = GridId, category = "vehicle", text = Caption, place = "阳光花园小区3栋旁", lat = 32.0478, lon = 112.1440,
            photos = new[] { Convert.ToBase64String(Photo) },
        });
        Assert.Equal(201, (int)http.StatusCode);
        var fromHttp = await StateAsync((string)(await http.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);

        Assert.NotEqual(fromHttp.Id, fromChat.Id);
        static object Filed(GridReportState s) => (s.Version, s.Status, s.CommunityId, s.StreetId, s.GridId, s.Reporter, s.Category, s.Text, s.Place, s.Location,
            s.PhotoIds.Count, s.OrderId, s.Note, s.MergedInto, s.ClosedAt, s.Duplicates.Count, s.OutcomePhotoIds.Count);
        Assert.Equal(Filed(fromHttp), Filed(fromChat));
        Assert.Equal(await PhotoAsync(fromHttp.Id, fromHttp.PhotoIds[0]), await PhotoAsync(fromChat.Id, fromChat.PhotoIds[0]));
        // The same rows: the community's and the grid's lists, and the staff notice in the dispatcher's inbox.
        var index = App.Storage.Table(TableNames.GridReportIndex);
        foreach (var report in new[] { fromChat, fromHttp })
        foreach (var list in new[] { GridReportModule.CommunityList("dongqili"), GridReportModule.GridList(GridId) })
            Assert.Single(index.Query<TableEntity>(r => r.PartitionKey == list && r.GetString("ReportId") == report.Id).ToList());
        var inbox = await GetAsync("/api/inbox", dispatcher);
        Assert.Contains(fromChat.Id, inbox);
        Assert.Contains(fromHttp.Id, inbox);
        // Nothing left in the staging area: the chat's photo moved to the report.
        Assert.Empty(App.Storage.Photos.GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, PhotoStaging.Prefix, CancellationToken.None).ToList());
    }

    [Fact]
    public async Task Grid_binding_codes_need_the_community_staff_and_a_live_worker_key()
    {
        var dispatcher = await App.KeyAsync(ActorRole.Dispatcher, "dongqili", "东七里社区工作人员");
        Assert.True((await Cycle.PostAsync("/api/grids", dispatcher, NewGrid())).IsSuccessStatusCode);
        const string path = $"/api/grids/{GridId}/binding-codes";
        Assert.Equal(401, (int)(await Cycle.PostAsync(path, null, null)).StatusCode);
        Assert.Equal(403, (int)(await Cycle.PostAsync(path, await App.KeyAsync(ActorRole.Dispatcher, "qingshan"), null)).StatusCode);
        Assert.Equal(404, (int)(await Cycle.PostAsync("/api/grids/dongqili.nowhere/binding-codes", dispatcher, null)).StatusCode);
        await ProblemAsync(await Cycle.PostAsync(path, dispatcher, null), 409, "no_grid_worker");
        var worker = await App.KeyAsync(ActorRole.GridWorker, GridId, "王建国");
        Assert.Equal(403, (int)(await Cycle.PostAsync(path, worker, null)).StatusCode); // a worker does not issue its own
        var issued = await Cycle.PostAsync(path, dispatcher, null);
        Assert.Equal(201, (int)issued.StatusCode);
        var view = (await issued.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("王建国", "东七里社区·宝盛网格"), ((string?)view["workerName"], (string?)view["gridName"]));
        Assert.Matches("^[0-9]{6}$", (string?)view["code"]);

        var second = await App.KeyAsync(ActorRole.GridWorker, GridId, "刘桂兰");
        await ProblemAsync(await Cycle.PostAsync(path, dispatcher, null), 409, "several_grid_workers");
        await ProblemAsync(await Cycle.PostAsync(path + "?keyId=nosuchkey", dispatcher, null), 400, "unknown_worker_key");
        var secondId = (await App.Get<StaffKeys>().FindAsync(second, CancellationToken.None))!.KeyId;
        var named = await Cycle.PostAsync($"{path}?keyId={secondId}", dispatcher, null);
        Assert.Equal("刘桂兰", (string?)(await named.Content.ReadFromJsonAsync<JsonObject>())!["workerName"]);
    }

    [Fact]
    public async Task Wrong_role_retired_keys_and_hostile_input_get_a_plain_answer_and_store_nothing()
    {
        var (dispatcher, _, keyId) = await GridWithWorkerAsync();
        // Unbound, or bound to a unit: not a grid worker.
        var resident = await StartAsync();
        Expect(await resident.SayAsync("我的上报"), "您还没有以网格员身份绑定");
        var liaison = await StartAsync();
        Expect(await liaison.SayAsync($"绑定 {await Cycle.BindingCodeAsync()}"), "绑定成功！您现在是「泰山宝盛置业有限公司」的联络员");
        Expect(await liaison.SayAsync("我的上报"), "您还没有以网格员身份绑定");

        var chat = await StartAsync();
        Expect(await chat.SayAsync("绑定 000000"), "绑定码不正确");
        Expect(await chat.SayAsync($"绑定 {await CodeAsync(dispatcher)}"), "绑定成功");
        Expect(await chat.SendFileAsync("", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4 not a photo")), "暂时只能接收照片");
        Expect(await chat.SendFileAsync("", "image/png", Encoding.ASCII.GetBytes("not really a png")), "上传的文件不是图片");
        Assert.Empty(App.Storage.Photos.GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, PhotoStaging.Prefix, CancellationToken.None).ToList());
        Expect(await chat.SayAsync(new string('车', 501)), "问题描述请写在 500 字以内");
        Expect(await chat.SayAsync("随手拍"), "请拍一张现场照片");
        Expect(await chat.SayAsync("取消"), "已取消");

        // Filled in, then the admin retires the worker's key before 确认: refused, nothing filed, the draft ends.
        Expect(await chat.SendFileAsync(Caption, "image/png", Photo), "请选择问题类别");
        Expect(await chat.SayAsync("其他"), "请发送问题所在的位置");
        Expect(await chat.ShareLocationAsync(32.0478, 112.1440, "阳光花园小区3栋旁"), "确认上报");
        var admin = await App.KeyAsync(ActorRole.Admin, "", "管理员");
        Assert.True((await Cycle.PostAsync($"/api/keys/{keyId}/revoke", admin, null)).IsSuccessStatusCode);
        Expect(await chat.SayAsync("确认上报"), "抱歉，上报没有成功：您的网格员身份已停用或已调整");
        Assert.Empty(await GridIndexAsync());
        Expect(await chat.SayAsync("我的上报"), "您的网格员身份已停用或已调整");

        Expect(await chat.SayAsync("解除绑定"), "已解除绑定，这里不再以网格员身份上报");
        Expect(await chat.SayAsync("我的上报"), "您还没有以网格员身份绑定");
    }

    private async Task<(string Dispatcher, string Worker, string KeyId)> GridWithWorkerAsync()
    {
        var dispatcher = await App.KeyAsync(ActorRole.Dispatcher, "dongqili", "东七里社区工作人员");
        var created = await Cycle.PostAsync("/api/grids", dispatcher, NewGrid());
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var worker = await App.KeyAsync(ActorRole.GridWorker, GridId, "王建国");
        return (dispatcher, worker, (await App.Get<StaffKeys>().FindAsync(worker, CancellationToken.None))!.KeyId);
    }

    private static object NewGrid() => new
    {
        communityId = "dongqili", slug = "baosheng", name = "宝盛网格", area = "阳光花园小区、宝盛里", centreLat = 32.0472, centreLon = 112.1431, radiusMetres = 400,
        team = new object[] { new { role = "leader", name = "李红梅", phone = "13807101234" }, new { role = "worker", name = "王建国", phone = "13907105678" } },
    };

    private async Task<string> CodeAsync(string dispatcher, string? keyId = null)
    {
        var response = await Cycle.PostAsync($"/api/grids/{GridId}/binding-codes{(keyId is null ? "" : "?keyId=" + keyId)}", dispatcher, null);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!;
    }

    private async Task<DirectLineClient> StartAsync()
    {
        var chat = await DirectLineClient.StartAsync(App.Http);
        await chat.BotMessagesAsync(null);
        return chat;
    }

    private async Task<GridReportState> StateAsync(string id) => (await App.Get<GridReportStore>().LoadAsync(id, CancellationToken.None))!.State;

    private async Task<List<TableEntity>> GridIndexAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in App.Storage.Table(TableNames.GridReportIndex).QueryAsync<TableEntity>(r => r.PartitionKey == GridReportModule.GridList(GridId)))
            rows.Add(row);
        return rows;
    }

    private async Task<byte[]> PhotoAsync(string reportId, string photoId)
    {
        var (content, _) = (await App.Get<PhotoStore>().OpenAsync(reportId, photoId, CancellationToken.None))!.Value;
        await using (content)
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer);
            return buffer.ToArray();
        }
    }

    private async Task<string> GetAsync(string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var response = await App.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return body;
    }

    /// <summary>Polls the chat until the bot has said something containing <paramref name="text"/> (a notice: nobody asked).</summary>
    private static IEnumerable<string> BotTexts(DirectLineClient chat) =>
        chat.Seen.Where(DirectLineClient.IsBotMessage).Select(a => (string?)a["text"] ?? "").ToList();

    private static async Task<string> NoticeAsync(DirectLineClient chat, string text)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await chat.PollAsync();
            if (chat.Seen.Where(DirectLineClient.IsBotMessage).Select(a => (string?)a["text"] ?? "").LastOrDefault(t => t.Contains(text)) is { } found) return found;
            if (clock.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException($"No notice with '{text}' in {clock.Elapsed}."); // a hang guard
            await Task.Delay(50);
        }
    }

    private static async Task ProblemAsync(HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status && body.Contains($"\"code\":\"{code}\""), $"expected {status} {code}, got {(int)response.StatusCode} {body}");
    }

    private static bool Contains(byte[] bytes, string text) => Encoding.Latin1.GetString(bytes).Contains(text, StringComparison.Ordinal);

    private static void Expect(string reply, params string[] parts)
    {
        foreach (var part in parts) Assert.True(reply.Contains(part), $"expected '{part}' in:\n{reply}");
    }

    [GeneratedRegex("GS[0-9]{6}-[0-9A-Z]{6}")]
    private static partial Regex ReportId();
}
