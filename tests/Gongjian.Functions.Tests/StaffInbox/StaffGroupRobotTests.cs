using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Bot.Notifications;
using Gongjian.Functions.Engine;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Reliability;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.StaffInbox;

/// <summary>
/// Staff notices where a community or street has a group robot (Bot:CommunityWebhooks, Bot:StreetWebhooks): posted
/// there once as well as kept in the console's inbox; a robot that refuses gets the notice from the queue's retry.
/// </summary>
public sealed class StaffGroupRobotTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Phone = "13805381234";
    private FakeWebhook _community = null!, _street = null!, _otherCommunity = null!;
    private TestApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _community = await FakeWebhook.StartAsync();
        _street = await FakeWebhook.StartAsync();
        _otherCommunity = await FakeWebhook.StartAsync();
        _app = await TestApp.StartAsync(azurite,
            $"--Bot:CommunityWebhooks:dongqili={_community.Url}", $"--Bot:CommunityWebhooks:sanlian={_otherCommunity.Url}",
            $"--Bot:StreetWebhooks:caiyuan={_street.Url}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _community.DisposeAsync();
        await _street.DisposeAsync();
        await _otherCommunity.DisposeAsync();
    }

    private async Task<JsonElement[]> InboxAsync(string key, string orderId)
    {
        for (var i = 0; ; i++)
        {
            var items = (await (await _app.GetAsync("/api/inbox", key)).ReadJsonAsync(200)).GetProperty("items").EnumerateArray()
                .Where(n => n.GetProperty("orderId").GetString() == orderId).ToArray();
            if (items.Length > 0 || i == 100) return items;
            await Task.Delay(100);
        }
    }

    private static async Task<string[]> PostsAsync(FakeWebhook robot, string containing)
    {
        for (var i = 0; ; i++)
        {
            var found = robot.Messages.Where(m => m.Contains(containing, StringComparison.Ordinal)).ToArray();
            if (found.Length > 0 || i == 100) return found;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_new_order_reaches_its_communitys_robot_once_besides_the_inbox()
    {
        var (id, _) = await _app.PlaceAsync(TestApp.NewOrder());

        var inbox = Assert.Single(await InboxAsync(await _app.DispatcherAsync(), id));
        var post = Assert.Single(await PostsAsync(_community, id));
        Assert.StartsWith("### 新工单\n【待派单】", post);
        Assert.Contains($"> 工单号：{id}", post);
        Assert.EndsWith(NotificationDelivery.StaffFooter, post);
        Assert.DoesNotContain(Phone, post);

        // Delivered again with the same notification id (a repeated relay, the queue's retry): posted once all the same.
        var row = await _app.Storage.Table(TableNames.StaffNotices).GetEntityAsync<TableEntity>("dispatcher.dongqili", inbox.GetProperty("id").GetString()!);
        var again = new Notification
        {
            Id = row.Value.GetString("NotificationId"), OrderId = id, Recipient = new(RecipientKind.Dispatcher, "dongqili"), Kind = "placed",
            Text = "【待派单】again", CreatedAt = DateTimeOffset.UtcNow,
        };
        var sender = _app.Services.GetRequiredService<NotificationSender>();
        await sender.DeliverAsync(again, CancellationToken.None);
        await sender.DeliverAsync(again, CancellationToken.None);
        Assert.Single(_community.Messages, m => m.Contains(id, StringComparison.Ordinal));
        Assert.Single(await InboxAsync(await _app.DispatcherAsync(), id));
        Assert.DoesNotContain(_otherCommunity.Messages, m => m.Contains(id, StringComparison.Ordinal));
        Assert.DoesNotContain(_street.Messages, m => m.Contains(id, StringComparison.Ordinal)); // a new order is not the street's business
    }

    [Fact]
    public async Task An_escalation_reaches_the_streets_robot()
    {
        var sender = _app.Services.GetRequiredService<NotificationSender>();
        await sender.SendAsync("evt-robot:organizer:caiyuan", "GJ-ROBOT-1", new Recipient(RecipientKind.Organizer, "caiyuan"), "escalation",
            "【督办】工单已超过办理期限，请督促处理。", CancellationToken.None);

        var post = Assert.Single(await PostsAsync(_street, "GJ-ROBOT-1"));
        Assert.StartsWith("### 督办\n【督办】", post);
        Assert.EndsWith(NotificationDelivery.StaffFooter, post);
        Assert.DoesNotContain(_community.Messages, m => m.Contains("GJ-ROBOT-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_robot_that_refuses_gets_the_notice_from_the_queue_and_the_inbox_has_it_at_once()
    {
        _community.Refusing = true;
        var (id, _) = await _app.PlaceAsync(TestApp.NewOrder());
        Assert.Single(await InboxAsync(await _app.DispatcherAsync(), id)); // the console is not kept waiting for the robot

        Notification? queued = null;
        var queue = _app.Storage.Queue(QueueNames.Notifications);
        for (var i = 0; queued is null && i < 100; i++)
        {
            queued = (await queue.ReceiveMessagesAsync(32)).Value
                .Select(m => JsonSerializer.Deserialize(m.Body.ToString(), NotificationJson.Default.Notification)!)
                .FirstOrDefault(n => n.OrderId == id && n.Recipient.Kind == RecipientKind.Dispatcher);
            if (queued is null) await Task.Delay(100);
        }
        Assert.NotNull(queued);
        Assert.Empty(_community.Messages);

        _community.Refusing = false; // the robot takes messages again; the queue's retry posts it, once
        var sender = _app.Services.GetRequiredService<NotificationSender>();
        await sender.DeliverAsync(queued, CancellationToken.None);
        await sender.DeliverAsync(queued, CancellationToken.None);
        Assert.Single(_community.Messages, m => m.Contains(id, StringComparison.Ordinal));
        Assert.Single(await InboxAsync(await _app.DispatcherAsync(), id));
    }
}
