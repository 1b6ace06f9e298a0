using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Bot.Notifications;
using Gongjian.Functions.Engine;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.StaffInbox;

/// <summary>
/// The staff inbox on Azurite: notices that used to be dropped (新工单, 拒单 for the community's dispatcher) are
/// stored once per notification id, read only by their own recipient, polled cheaply with ETag, marked read.
/// </summary>
public sealed class StaffInboxTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Phone = "13805381234";
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<JsonElement> InboxAsync(string key) => await (await _app.GetAsync("/api/inbox", key)).ReadJsonAsync(200);

    /// <summary>The relay runs just after the command's answer: wait for the notices it sends.</summary>
    private async Task<JsonElement[]> NoticesAsync(string key, string orderId, string kind, int expected = 1)
    {
        for (var i = 0; ; i++)
        {
            var found = (await InboxAsync(key)).GetProperty("items").EnumerateArray()
                .Where(n => n.GetProperty("orderId").GetString() == orderId && n.GetProperty("kind").GetString() == kind).ToArray();
            if (found.Length >= expected || i == 100) return found;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_new_order_reaches_its_dispatchers_inbox_once_even_when_delivered_again()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (id, _) = await _app.PlaceAsync(TestApp.NewOrder());

        var notice = Assert.Single(await NoticesAsync(dispatcher, id, "placed"));
        Assert.Equal("新工单", notice.GetProperty("kindName").GetString());
        Assert.StartsWith("【待派单】", notice.GetProperty("text").GetString());
        Assert.False(notice.GetProperty("read").GetBoolean());
        Assert.DoesNotContain(Phone, notice.GetRawText());

        // The relay repeated (a new notice object, later, same id) and the queue's retry of the same message: still one.
        var row = await _app.Storage.Table(TableNames.StaffNotices).GetEntityAsync<TableEntity>("dispatcher.dongqili", notice.GetProperty("id").GetString()!);
        var notificationId = row.Value.GetString("NotificationId");
        var sender = _app.Services.GetRequiredService<NotificationSender>();
        await sender.SendAsync(notificationId, id, new Recipient(RecipientKind.Dispatcher, "dongqili"), "placed", "【待派单】again", CancellationToken.None);
        await sender.DeliverAsync(new Notification
        {
            Id = notificationId, OrderId = id, Recipient = new(RecipientKind.Dispatcher, "dongqili"), Kind = "placed", Text = "x",
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(1),
        }, CancellationToken.None);
        Assert.Single(await NoticesAsync(dispatcher, id, "placed", expected: 2));
        Assert.Equal(1, (await InboxAsync(dispatcher)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task A_decline_reaches_the_dispatcher_and_another_communitys_dispatcher_sees_nothing()
    {
        var dispatcher = await _app.DispatcherAsync();
        var elsewhere = await _app.DispatcherAsync("sanlian");
        var organizer = await _app.OrganizerAsync();
        var liaison = await _app.LiaisonAsync();
        var (id, _) = await _app.PlaceAsync();
        await (await _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "baosheng-property" }, dispatcher)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/orders/{id}/decline", new { reason = "不在服务范围" }, liaison)).ReadJsonAsync(200);

        var declined = Assert.Single(await NoticesAsync(dispatcher, id, "declined"));
        Assert.Contains("不在服务范围", declined.GetProperty("text").GetString());
        Assert.Equal("拒单", declined.GetProperty("kindName").GetString());
        Assert.Equal(2, (await InboxAsync(dispatcher)).GetProperty("items").GetArrayLength()); // 新工单 and 拒单, newest first
        Assert.Equal("declined", (await InboxAsync(dispatcher)).GetProperty("items")[0].GetProperty("kind").GetString());

        var other = await InboxAsync(elsewhere);
        Assert.Equal(0, other.GetProperty("unread").GetInt32());
        Assert.Empty(other.GetProperty("items").EnumerateArray());
        Assert.Empty((await InboxAsync(organizer)).GetProperty("items").EnumerateArray()); // nothing of these is for the street
        // A liaison's notices come by chat; an admin has no inbox.
        await (await _app.GetAsync("/api/inbox", liaison)).ShouldBeProblemAsync(403, "inbox_not_available");
        await (await _app.GetAsync("/api/inbox", await _app.KeyAsync(Gongjian.Domain.Orders.ActorRole.Admin))).ShouldBeProblemAsync(403, "inbox_not_available");
        await (await _app.GetAsync("/api/inbox")).ShouldBeProblemAsync(401, "authentication_required");
        // Another inbox's notice cannot be marked read from here.
        var marked = await (await _app.PostAsync("/api/inbox/read", new { ids = new[] { declined.GetProperty("id").GetString() } }, elsewhere)).ReadJsonAsync(200);
        Assert.Equal(0, marked.GetProperty("marked").GetInt32());
        Assert.Equal(2, (await InboxAsync(dispatcher)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task An_escalation_reaches_the_streets_organizer()
    {
        var organizer = await _app.OrganizerAsync();
        var dispatcher = await _app.DispatcherAsync();
        var sender = _app.Services.GetRequiredService<NotificationSender>();
        await sender.SendAsync("evt-x:organizer:caiyuan", "GJ-TEST", new Recipient(RecipientKind.Organizer, "caiyuan"), "escalation", "【督办】测试", CancellationToken.None);

        var notice = Assert.Single((await InboxAsync(organizer)).GetProperty("items").EnumerateArray());
        Assert.Equal("督办", notice.GetProperty("kindName").GetString());
        Assert.DoesNotContain((await InboxAsync(dispatcher)).GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "escalation");
        Assert.Empty((await InboxAsync(await _app.OrganizerAsync("other-street"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ETag_polls_answer_304_until_something_changes_and_mark_read_updates_unread()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (first, _) = await _app.PlaceAsync();
        await NoticesAsync(dispatcher, first, "placed");

        var answer = await _app.GetAsync("/api/inbox", dispatcher);
        await answer.ReadJsonAsync(200);
        var tag = answer.Headers.ETag!;
        async Task<HttpResponseMessage> Poll()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/inbox");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", dispatcher);
            request.Headers.IfNoneMatch.Add(tag);
            return await _app.Http.SendAsync(request);
        }
        var same = await Poll();
        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Empty(await same.Content.ReadAsByteArrayAsync());

        var (second, _) = await _app.PlaceAsync();
        await NoticesAsync(dispatcher, second, "placed");
        var changed = await Poll();
        var body = await changed.ReadJsonAsync(200);
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.Equal(2, body.GetProperty("unread").GetInt32());

        var one = body.GetProperty("items")[0].GetProperty("id").GetString();
        var marked = await (await _app.PostAsync("/api/inbox/read", new { ids = new[] { one } }, dispatcher)).ReadJsonAsync(200);
        Assert.Equal((1, 1), (marked.GetProperty("marked").GetInt32(), marked.GetProperty("unread").GetInt32()));
        var after = await InboxAsync(dispatcher);
        Assert.True(after.GetProperty("items")[0].GetProperty("read").GetBoolean());
        Assert.False(after.GetProperty("items")[1].GetProperty("read").GetBoolean());

        var all = await (await _app.PostAsync("/api/inbox/read", new { all = true }, dispatcher)).ReadJsonAsync(200);
        Assert.Equal((1, 0), (all.GetProperty("marked").GetInt32(), all.GetProperty("unread").GetInt32()));

        // Paging: one a page, the second page by its token; a token is bound to its inbox.
        var page1 = await (await _app.GetAsync("/api/inbox?pageSize=1", dispatcher)).ReadJsonAsync(200);
        var token = page1.GetProperty("nextPageToken").GetString()!;
        var page2 = await (await _app.GetAsync($"/api/inbox?pageSize=1&pageToken={token}", dispatcher)).ReadJsonAsync(200);
        Assert.NotEqual(page1.GetProperty("items")[0].GetProperty("id").GetString(), page2.GetProperty("items")[0].GetProperty("id").GetString());
        await (await _app.GetAsync($"/api/inbox?pageToken={token}", await _app.DispatcherAsync("sanlian"))).ShouldBeProblemAsync(400, "invalid_page_token");
        await (await _app.GetAsync("/api/inbox?pageSize=0", dispatcher)).ShouldBeProblemAsync(400, "invalid_page_size");
        await (await _app.PostAsync("/api/inbox/read", new { }, dispatcher)).ShouldBeProblemAsync(400, "ids_required");
        await (await _app.PostAsync("/api/inbox/read", new { ids = new[] { "../x" } }, dispatcher)).ShouldBeProblemAsync(400, "invalid_notice_id");
        await (await _app.PostAsync("/api/inbox/read", new { ids = new[] { one }, all = true }, dispatcher)).ShouldBeProblemAsync(400, "ids_or_all");
    }
}
