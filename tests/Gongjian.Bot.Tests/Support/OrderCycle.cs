using Gongjian.Functions.Orders;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongjian.Bot.Notifications;
using Gongjian.Bot.Storage;
using Gongjian.Domain.Orders;
using Gongjian.Functions.BotDesk;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;

namespace Gongjian.Bot.Tests.Support;

/// <summary>Moves orders through the cycle with the staff API, and plays the engine's part by handing notifications to the queue function.</summary>
public sealed class OrderCycle(BotTestApp app)
{
    public async Task<string> BindingCodeAsync(string unitId = "baosheng-property")
    {
        var key = await app.KeyAsync(ActorRole.Organizer, "caiyuan", "财源街道党工委");
        var response = await PostAsync($"/api/units/{unitId}/binding-codes", key, null);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True((int)response.StatusCode == 201, body?.ToJsonString());
        return (string)body!["code"]!;
    }

    /// <summary>Places an order through the API and dispatches it to the unit; returns its id.</summary>
    public async Task<string> DispatchedOrderAsync(string unitId = "baosheng-property")
    {
        var placed = await (await PostAsync("/api/orders", null, new
        {
            text = "三楼楼道灯坏了一个星期了", category = "repair", communityId = "dongqili", address = "宝盛小区3号楼2单元301",
            contact = new { name = "李秀英", phone = "13805381234" },
        })).Content.ReadFromJsonAsync<JsonObject>();
        var id = (string)placed!["id"]!;
        var dispatcher = await app.KeyAsync(ActorRole.Dispatcher, "dongqili", "东七里社区派单员");
        var dispatched = await PostAsync($"/api/orders/{id}/dispatch", dispatcher, new { unitId });
        Assert.True(dispatched.IsSuccessStatusCode, await dispatched.Content.ReadAsStringAsync());
        return id;
    }

    public Task DeliverAsync(Notification notification) =>
        DeliverNotificationFunction.Run(new FunctionInvocation
        {
            FunctionName = "DeliverNotification", InvocationId = Guid.NewGuid().ToString(), MessageId = notification.Id,
            Message = JsonSerializer.Serialize(notification, BotJson.Default.Notification), DequeueCount = 1,
        }, app.Services, CancellationToken.None);

    public static Notification Dispatched(string orderId, string unitId = "baosheng-property") => new()
    {
        // The id the engine gives the dispatch's notice to the unit (event 2 of the order): the app has already delivered it
        // in process, so delivering this is the queue's retry of it — sent only to chats bound since.
        Id = $"{orderId}:2:unit:{unitId}".ToLowerInvariant(), OrderId = orderId, Recipient = new Recipient(RecipientKind.Unit, unitId),
        Kind = "dispatched", Text = $"【新工单】东七里社区设施维修诉求“三楼楼道灯坏了一个星期了”（工单 {orderId}），请尽快接单。",
        Title = "设施维修：三楼楼道灯坏了", DueAt = DateTimeOffset.UtcNow.AddHours(4), CreatedAt = DateTimeOffset.UtcNow,
    };

    public async Task<OrderState> StateAsync(string orderId) =>
        (await app.Get<OrderStore>().LoadAsync(orderId, CancellationToken.None))!.State;

    public async Task<HttpResponseMessage> PostAsync(string path, string? key, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await app.Http.SendAsync(request);
    }
}
