using System.Text.Json.Nodes;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Storage;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;

namespace Gongjian.Bot.Tests.Protocol;

/// <summary>
/// The bot behind Azure Bot Service: replies and proactive messages through the Connector REST API
/// with a cached Azure Identity token; duplicates, deadlines and bad activities.
/// </summary>
public sealed class ConnectorConversationTests(ConnectorRig rig, AzuriteFixture azurite) : IClassFixture<ConnectorRig>
{
    private string ServiceUrl => rig.Connector.BaseUrl;

    private string Token() => rig.Connector.Token(ConnectorRig.AppId, ServiceUrl);

    [Fact]
    public async Task Replies_go_to_the_connector_with_one_cached_token()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N")[..8];
        var first = ConnectorRig.Message(ServiceUrl, "你好", conversation);
        Assert.Equal(200, (int)(await rig.PostAsync(first, Token())).StatusCode);
        var reply = await rig.ReplyInAsync(conversation);
        Assert.Equal($"/v3/conversations/{conversation}/activities/{first["id"]}", reply.Path);
        Assert.StartsWith("Bearer outbound-token-", reply.Authorization);
        Assert.Equal((string?)first["id"], (string?)reply.Body["replyToId"]);
        Assert.Equal("user-1", (string?)reply.Body["recipient"]!["id"]);
        Assert.Equal("28:" + ConnectorRig.AppId, (string?)reply.Body["from"]!["id"]);
        Assert.Equal("zh-CN", (string?)reply.Body["locale"]);

        var second = ConnectorRig.Message(ServiceUrl, "帮助", conversation);
        await rig.PostAsync(second, Token());
        var help = await rig.ReplyInAsync(conversation, r => (string?)r.Body["replyToId"] == (string?)second["id"]);
        Assert.Equal(reply.Authorization, help.Authorization);
        Assert.Equal(1, rig.Credential.Requests);
        Assert.Equal("https://api.botframework.com/.default", rig.Credential.LastScope);
    }

    [Fact]
    public async Task A_resent_activity_is_processed_once()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N")[..8];
        var activity = ConnectorRig.Message(ServiceUrl, "我要点单", conversation);
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => rig.PostAsync(activity, Token())));
        Assert.All(responses, r => Assert.Equal(200, (int)r.StatusCode));
        var first = await rig.ReplyInAsync(conversation);
        // No waiting for time: a later message's answer comes after any second turn for a copy would have (turns of a
        // conversation run in order), so once it is there every copy has had its chance.
        var later = ConnectorRig.Message(ServiceUrl, "帮助", conversation);
        Assert.Equal(200, (int)(await rig.PostAsync(later, Token())).StatusCode);
        await rig.ReplyInAsync(conversation, r => (string?)r.Body["replyToId"] == (string?)later["id"]);
        Assert.Single(rig.Connector.Activities, r => r.Path.Contains(conversation) && (string?)r.Body["type"] == "message"
            && (string?)r.Body["replyToId"] == (string?)first.Body["replyToId"]);
    }

    [Fact]
    public async Task Slow_understanding_is_acknowledged_at_once_with_typing_then_answered()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.App.Understanding.Hold = hold;
        try
        {
            var conversation = "conv-" + Guid.NewGuid().ToString("N")[..8];
            // Answered while the understanding is still held: the acknowledgement does not wait for it.
            // (Bot Service allows 15 s; here the wait is only a guard against a hang: hold.Task proves it did not wait.)
            var response = await rig.PostAsync(ConnectorRig.Message(ServiceUrl, "三楼楼道灯坏了一个星期了", conversation), Token())
                .WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.False(hold.Task.IsCompleted);
            Assert.DoesNotContain(rig.Connector.Activities, r => r.Path.Contains(conversation) && (string?)r.Body["type"] == "message");

            // The resident sees "typing" while the model thinks (after TurnRunner's one second).
            for (var waited = 0; waited < 600 && !Typing(); waited++) await Task.Delay(100, TestContext.Current.CancellationToken);
            Assert.True(Typing(), "no typing indicator while the understanding was held");

            hold.SetResult();
            var reply = await rig.ReplyInAsync(conversation);
            Assert.Contains("哪个社区", (string?)reply.Body["text"]);

            bool Typing() => rig.Connector.Activities.Any(r => r.Path.Contains(conversation) && (string?)r.Body["type"] == "typing");
        }
        finally { rig.App.Understanding.Hold = null; hold.TrySetResult(); }
    }

    [Theory]
    [InlineData("{\"type\":\"message\"", "invalid_json")] // refused by the strict reader, with the API's code
    [InlineData("[1,2]", "invalid_activity")]
    [InlineData("{\"type\":\"message\",\"id\":\"1\",\"channelId\":\"webchat\",\"from\":{\"id\":\"u\"},\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"ftp://x\"}", "invalid_activity")]
    [InlineData("{\"type\":\"message\",\"id\":\"1\",\"channelId\":\"webchat\",\"from\":{\"id\":\"u\"},\"serviceUrl\":\"SERVICE\"}", "invalid_activity")]
    [InlineData("{\"id\":\"1\",\"channelId\":\"webchat\",\"from\":{\"id\":\"u\"},\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"SERVICE\"}", "invalid_activity")]
    public async Task Malformed_activities_are_400(string body, string code)
    {
        var response = await rig.PostRawAsync(body.Replace("SERVICE", ServiceUrl), Token());
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains($"\"code\":\"{code}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Oversized_text_is_answered_politely_and_nothing_is_stored()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N")[..8];
        var activity = ConnectorRig.Message(ServiceUrl, new string('水', 2500), conversation);
        Assert.Equal(200, (int)(await rig.PostAsync(activity, Token())).StatusCode);
        Assert.Contains("太长", (string?)(await rig.ReplyInAsync(conversation)).Body["text"]);
        var stored = await rig.App.Get<ConversationStore>().LoadAsync(ConversationReference.From(new Activity
        {
            ChannelId = "webchat", ServiceUrl = ServiceUrl, Conversation = new ConversationAccount(conversation),
        }).Key, CancellationToken.None);
        Assert.Null(stored.ETag);
    }

    [Fact]
    public async Task Liaison_over_the_connector_gets_the_card_proactively_and_completes_with_a_downloaded_photo()
    {
        var cycle = new OrderCycle(rig.App);
        var conversation = "conv-" + Guid.NewGuid().ToString("N")[..8];
        async Task<string> Say(string text, JsonObject? value = null, JsonArray? attachments = null)
        {
            var activity = ConnectorRig.Message(ServiceUrl, text, conversation, channelId: "msteams");
            if (value is not null) activity["value"] = value;
            if (attachments is not null) activity["attachments"] = attachments;
            Assert.Equal(200, (int)(await rig.PostAsync(activity, Token())).StatusCode);
            return (string)(await rig.ReplyInAsync(conversation, r => (string?)r.Body["replyToId"] == (string?)activity["id"])).Body["text"]!;
        }

        Assert.Contains("绑定成功", await Say($"绑定 {await cycle.BindingCodeAsync()}"));
        var orderId = await cycle.DispatchedOrderAsync();
        await cycle.DeliverAsync(OrderCycle.Dispatched(orderId));
        var card = await rig.ReplyInAsync(conversation, r => r.Body["attachments"] is not null);
        Assert.Equal($"/v3/conversations/{conversation}/activities", card.Path);
        Assert.Equal(HeroCard.ContentType, (string?)card.Body["attachments"]![0]!["contentType"]);

        Assert.Contains("已接单", await Say("", new JsonObject { ["action"] = "accept", ["orderId"] = orderId }));
        Assert.Contains("描述办理情况", await Say("办结"));
        rig.Connector.Files["after.png"] = TestImages.Png();
        var photo = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = ServiceUrl + "/files/after.png", ["name"] = "after.png" });
        Assert.Contains("已办结", await Say("已更换灯泡", attachments: photo));
        Assert.Equal(OrderStatus.Completed, (await cycle.StateAsync(orderId)).Status);
    }

    [Fact]
    public async Task A_residents_photo_from_the_channel_is_downloaded_and_attached_to_the_order()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N")[..8];
        rig.Connector.Files["lamp.png"] = TestImages.Png(text: "GPS 36.2,117.1");
        var wish = ConnectorRig.Message(ServiceUrl, "三楼楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234", conversation);
        wish["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = ServiceUrl + "/files/lamp.png", ["name"] = "lamp.png" });
        Assert.Equal(200, (int)(await rig.PostAsync(wish, Token())).StatusCode);
        var kept = await rig.ReplyInAsync(conversation, r => ((string?)r.Body["text"])?.Contains("收到照片了") == true);
        Assert.Contains("共 1 张", (string?)kept.Body["text"]);
        var card = await rig.ReplyInAsync(conversation, r => r.Body["attachments"] is not null);
        Assert.Contains("照片：1 张", card.Body["attachments"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

        var submit = ConnectorRig.Message(ServiceUrl, "确认提交", conversation);
        await rig.PostAsync(submit, Token());
        var placed = (string)(await rig.ReplyInAsync(conversation, r => (string?)r.Body["replyToId"] == (string?)submit["id"])).Body["text"]!;
        var orderId = System.Text.RegularExpressions.Regex.Match(placed, @"GJ\d{6}-[A-Z0-9]{6}").Value;
        Assert.Single((await new OrderCycle(rig.App).StateAsync(orderId)).BeforePhotoIds);
    }

    [Fact]
    public async Task Anonymous_activities_are_accepted_only_when_explicitly_allowed()
    {
        await using var open = await BotTestApp.StartAsync(azurite, new Dictionary<string, string>
        {
            ["Bot:AllowAnonymous"] = "true", ["Bot:OpenIdMetadataUrl"] = rig.Connector.MetadataUrl,
        });
        var conversation = "conv-" + Guid.NewGuid().ToString("N")[..8];
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(ConnectorRig.Message(ServiceUrl, "你好", conversation).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        Assert.Equal(200, (int)(await open.Http.SendAsync(request)).StatusCode);
        var reply = await rig.ReplyInAsync(conversation);
        Assert.Equal("", reply.Authorization);
        Assert.Equal(401, (int)(await rig.PostAsync(ConnectorRig.Message(ServiceUrl, "你好"), null)).StatusCode);

        // With an app id, replies carry the bot's token: anonymous activities are never taken then.
        await using var configured = await BotTestApp.StartAsync(azurite, new Dictionary<string, string>
        {
            ["Bot:AllowAnonymous"] = "true", ["Bot:AppId"] = ConnectorRig.AppId, ["Bot:OpenIdMetadataUrl"] = rig.Connector.MetadataUrl,
        });
        var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(ConnectorRig.Message(ServiceUrl, "你好").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        Assert.Equal(401, (int)(await configured.Http.SendAsync(unsigned)).StatusCode);
    }
}
