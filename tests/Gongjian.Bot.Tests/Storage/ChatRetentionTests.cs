using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Gongjian.Bot.Conversations;
using Gongjian.Bot.DirectLine;
using Gongjian.Bot.Notifications;
using Gongjian.Bot.Storage;
using Gongjian.Bot.Tests.Support;
using Gongjian.Functions.BotDesk;
using Gongjian.Functions.Photos;

namespace Gongjian.Bot.Tests.Storage;

/// <summary>
/// The retention job against real Azurite. Azurite stamps rows with its own (real) clock, so the test
/// writes "old" chats, notes the time, writes "recent" ones, and runs the job with a clock moved to
/// that moment plus the retention period: the boundary falls exactly between the two.
/// </summary>
public sealed partial class ChatRetentionTests(AzuriteFixture azurite) : BotAppTest(azurite)
{
    private BotTables Tables => App.Get<BotTables>();

    private async Task<DirectLineClient> ChatAsync()
    {
        var chat = await DirectLineClient.StartAsync(App.Http);
        await chat.BotMessagesAsync(null);
        return chat;
    }

    private static void Expect(string reply, string part) => Assert.True(reply.Contains(part), $"expected '{part}' in:\n{reply}");

    private static async Task<List<string>> RowKeysAsync(TableClient table, string? partition = null)
    {
        var keys = new List<string>();
        var filter = partition is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"])) keys.Add(row.RowKey);
        return keys;
    }

    private static string StatePartition(string conversationId) => ConversationStore.PartitionOf($"{DirectLineChannel.ChannelId}\n{conversationId}");

    private async Task<int> StagedPhotosAsync()
    {
        var count = 0;
        await foreach (var _ in App.Storage.Photos.GetBlobsAsync(BlobTraits.None, BlobStates.None, PhotoStaging.Prefix, CancellationToken.None)) count++;
        return count;
    }

    [Fact]
    public async Task Stale_chats_are_deleted_recent_ones_and_liaison_bindings_are_kept_and_an_ended_chat_starts_afresh()
    {
        // Old: a resident who placed an order, then left a second wish half told with a photo; a bound liaison who got a card.
        var resident = await ChatAsync();
        Expect(await resident.SayAsync("三楼楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234"), "请确认您的诉求");
        var orderId = OrderId().Match(await resident.SayAsync("确认提交")).Value;
        Expect(await resident.SayAsync("楼道漏水了，青山社区青山小区2号楼"), "联系电话");
        Expect(await resident.UploadAsync("", "image/png", TestImages.Png()), "共 1 张");
        var liaison = await ChatAsync();
        Expect(await liaison.SayAsync($"绑定 {await Cycle.BindingCodeAsync()}"), "绑定成功");
        await Cycle.DeliverAsync(OrderCycle.Dispatched(orderId));
        Assert.NotEmpty(await RowKeysAsync(Tables.Deliveries));

        await Task.Delay(1500);
        var boundary = DateTimeOffset.UtcNow;
        await Task.Delay(1500);

        // Recent: a resident in the middle of a wish, with a photo.
        var recent = await ChatAsync();
        Expect(await recent.SayAsync("楼道灯坏了好几天"), "哪个社区");
        Expect(await recent.UploadAsync("", "image/png", TestImages.Png()), "共 1 张");
        var recentTranscript = await RowKeysAsync(Tables.Transcripts, recent.ConversationId);
        var recentState = await RowKeysAsync(Tables.State, StatePartition(recent.ConversationId));
        Assert.Equal(2, await StagedPhotosAsync());

        var clock = new MovableClock(boundary + TimeSpan.FromDays(30));
        var (report, staged) = await PurgeChatHistoryFunction.PurgeAsync(App.Services, clock, CancellationToken.None);

        // The old resident's chat is gone entirely: transcript, state, dedupe marks, staged photo.
        Assert.Empty(await RowKeysAsync(Tables.Transcripts, resident.ConversationId));
        Assert.Empty(await RowKeysAsync(Tables.State, StatePartition(resident.ConversationId)));
        Assert.Equal(1, staged);
        Assert.Equal(1, await StagedPhotosAsync());
        Assert.Empty(await RowKeysAsync(Tables.Deliveries));
        // The recent chat is untouched.
        Assert.Equal(recentTranscript, await RowKeysAsync(Tables.Transcripts, recent.ConversationId));
        Assert.Equal(recentState, await RowKeysAsync(Tables.State, StatePartition(recent.ConversationId)));
        Assert.IsType<CollectingWish>((await App.Get<ConversationStore>().LoadAsync($"directline\n{recent.ConversationId}", CancellationToken.None)).Data.Step);
        // The liaison's binding survives: link, state cut down to the unit, conversation (its old messages are gone).
        Assert.Contains(await App.Get<ConversationLinks>().UnitConversationsAsync("baosheng-property", CancellationToken.None), r => r.ConversationId == liaison.ConversationId);
        var liaisonState = await App.Get<ConversationStore>().LoadAsync($"directline\n{liaison.ConversationId}", CancellationToken.None);
        Assert.Equal("baosheng-property", liaisonState.Data.Unit?.UnitId);
        Assert.Equal([$"c.{liaison.ConversationId}"], await RowKeysAsync(Tables.Transcripts, liaison.ConversationId));

        Assert.Equal(1, report.ConversationsEnded);
        Assert.Equal(1, report.StateRows);
        Assert.Equal(1, report.BindingsRefreshed);
        Assert.Equal(1, report.BindingCodes);
        Assert.True(report.TranscriptRows >= 10, $"{report}");
        // links 1 page; transcripts 1 page + 2 partitions; state 1 page + 2 partitions; deliveries 1 page + 1; codes 1 page + 1.
        Assert.Equal(11, report.Requests);

        // Run again at once: nothing is stale any more (the liaison's state was saved again).
        var (again, _) = await PurgeChatHistoryFunction.PurgeAsync(App.Services, clock, CancellationToken.None);
        Assert.Equal(new RetentionReport(again.Requests, 0, 0, 0, 0, 0, 0, 0), again);

        // The liaison goes on as before: still bound, and the unit's next card arrives.
        Expect(await liaison.SayAsync("帮助"), "接单");
        await Cycle.DeliverAsync(OrderCycle.Dispatched(orderId));
        var card = await liaison.BotMessagesAsync(null);
        Assert.Contains(card, a => DirectLineClient.Describe(a).Contains("新工单待接单"));

        // News of the ended chat's order reaches nobody and brings nothing back.
        await Cycle.DeliverAsync(new Notification
        {
            Id = $"{orderId}:completed:{Guid.NewGuid():N}", OrderId = orderId, Recipient = new Recipient(RecipientKind.Resident, orderId),
            Kind = "completed", Text = $"您的工单 {orderId} 已办结。", CreatedAt = DateTimeOffset.UtcNow,
        });
        Assert.Empty(await RowKeysAsync(Tables.State, StatePartition(resident.ConversationId)));
        Assert.Null(await App.Get<ConversationLinks>().OrderConversationAsync(orderId, CancellationToken.None));

        // The resident comes back to the ended conversation: Direct Line says it ended; starting it again is a fresh start.
        var token = App.Get<DirectLineTokens>().Issue(resident.ConversationId);
        using (var poll = resident.Request(HttpMethod.Get, $"/v3/directline/conversations/{resident.ConversationId}/activities?watermark=0"))
            Assert.Equal(404, (int)(await App.Http.SendAsync(poll)).StatusCode);
        var (back, status) = await DirectLineClient.ResumeAsync(App.Http, resident.ConversationId, token);
        Assert.Equal(201, status);
        Expect(string.Join("\n", (await back.BotMessagesAsync(null)).Select(DirectLineClient.Describe)), "共建小助手");
        Expect(await back.SayAsync("查进度"), "还没有提交过工单");
        Expect(await back.SayAsync("我要点单"), "遇到了什么问题");
    }

    [Fact]
    public async Task A_grid_workers_binding_is_kept_like_a_liaisons()
    {
        var dispatcher = await App.KeyAsync(Gongjian.Domain.Orders.ActorRole.Dispatcher, "dongqili", "东七里社区工作人员");
        Assert.True((await Cycle.PostAsync("/api/grids", dispatcher, new
        {
            communityId = "dongqili", slug = "baosheng", name = "宝盛网格", area = "阳光花园小区", centreLat = 32.0472, centreLon = 112.1431, radiusMetres = 400,
            team = new object[] { new { role = "worker", name = "王建国" } },
        })).IsSuccessStatusCode);
        await App.KeyAsync(Gongjian.Domain.Orders.ActorRole.GridWorker, "dongqili.baosheng", "王建国");
        var issued = await Cycle.PostAsync("/api/grids/dongqili.baosheng/binding-codes", dispatcher, null);
        var code = (string)(await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(issued.Content))!["code"]!;
        var worker = await ChatAsync();
        Expect(await worker.SayAsync($"绑定 {code}"), "绑定成功");
        Expect(await worker.SayAsync("随手拍"), "请拍一张现场照片");

        await Task.Delay(1500);
        var boundary = DateTimeOffset.UtcNow;
        var (report, _) = await PurgeChatHistoryFunction.PurgeAsync(App.Services, new MovableClock(boundary + TimeSpan.FromDays(30)), CancellationToken.None);

        // Link and binding kept (the half-told report is not: its draft went with the old state), the chat goes on.
        Assert.Equal(1, report.BindingsRefreshed);
        Assert.Contains(await App.Get<ConversationLinks>().GridConversationsAsync("dongqili.baosheng", null, CancellationToken.None), r => r.ConversationId == worker.ConversationId);
        var state = await App.Get<ConversationStore>().LoadAsync($"directline\n{worker.ConversationId}", CancellationToken.None);
        Assert.Equal(("dongqili.baosheng", "王建国"), (state.Data.GridWorker?.GridId, state.Data.GridWorker?.Name));
        Assert.IsType<Idle>(state.Data.Step);
        Expect(await worker.SayAsync("我的上报"), "您还没有在这里上报过问题");
    }

    [GeneratedRegex(@"GJ\d{6}-[A-Z0-9]{6}")]
    private static partial Regex OrderId();
}
