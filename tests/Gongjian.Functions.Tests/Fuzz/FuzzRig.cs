using System.Text.Json.Nodes;
using Gongjian.Bot.DirectLine;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Tests.Fuzz;

/// <summary>
/// The app with a seeded state to fuzz: staff keys (one revoked), an order cancelled and erased by its
/// resident (every command on it is refused by rule), a completed order with photos and its showcase,
/// and a Direct Line conversation with a live, an expired and a foreign token. The bot takes
/// unauthenticated activities (as for the Emulator), so its body reader is reached without a Connector.
/// </summary>
public sealed class FuzzRig : IAsyncDisposable
{
    public const string DirectLineSecret = "fuzz-directline-secret-0123456789";

    private FuzzRig(TestApp app, string prefix) { App = app; Prefix = prefix; }

    public TestApp App { get; }
    public string Prefix { get; }
    public string Admin { get; private set; } = "";
    public string Liaison { get; private set; } = "";
    public string ClosedOrder { get; private set; } = "";
    public string ShowcaseId { get; private set; } = "";
    public string Conversation { get; private set; } = "";
    public string Token { get; private set; } = "";
    public FuzzCredentials Credentials { get; private set; } = null!;
    /// <summary>A serviceUrl nothing listens on: replies to it fail at once.</summary>
    public string DeadServiceUrl { get; } = $"http://127.0.0.1:{FreePort.Next()}";

    public static async Task<FuzzRig> StartAsync(AzuriteFixture azurite)
    {
        var app = await TestApp.StartAsync(azurite, "--Bot:AllowAnonymous=true", $"--Bot:DirectLine:Secret={DirectLineSecret}",
            "--Logging:LogLevel:Default=Error");
        var rig = new FuzzRig(app, app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Prefix);
        await rig.SeedAsync();
        return rig;
    }

    private async Task SeedAsync()
    {
        Admin = await App.KeyAsync(ActorRole.Admin, "", "管理员");
        Liaison = await App.LiaisonAsync();
        var dispatcher = await App.DispatcherAsync();
        var organizer = await App.OrganizerAsync();
        var keys = App.Services.GetRequiredService<StaffKeys>();
        var revoked = await keys.CreateAsync(ActorRole.Dispatcher, "dongqili", "已离职派单员", CancellationToken.None);
        await keys.RevokeAsync(revoked.Caller.KeyId, CancellationToken.None);

        var (closed, code) = await App.PlaceAsync();
        await (await App.PostAsync($"/api/orders/{closed}/cancel", new { reason = "已自行解决" }, trackingCode: code)).ReadJsonAsync(200);
        await (await App.PostAsync($"/api/orders/{closed}/erase", new { reason = "不再需要" }, trackingCode: code)).ReadJsonAsync(200);
        ClosedOrder = closed;

        var (done, _) = await App.CompletedOrderAsync(dispatcher, liaison: Liaison);
        var showcase = await (await App.PostAsync("/api/showcases",
            new { title = "楼道灯修好了", story = "物业当天更换了灯泡，邻居们都说好。", orderIds = new[] { done } }, organizer)).ReadJsonAsync(201);
        ShowcaseId = showcase.GetProperty("id").GetString()!;

        var tokens = App.Services.GetRequiredService<DirectLineTokens>();
        Conversation = DirectLineTokens.NewConversationId();
        await App.Services.GetRequiredService<TranscriptStore>().CreateAsync(Conversation, CancellationToken.None);
        Token = tokens.Issue(Conversation);
        Credentials = FuzzCredentials.Make(revoked.Key, tokens.Issue(Conversation, DateTimeOffset.UtcNow.AddDays(-2)),
            tokens.Issue(DirectLineTokens.NewConversationId()), Token);
    }

    /// <summary>
    /// The well-formed request of a route. Known routes get their real body; a route added later
    /// gets a small JSON body and the admin key, and — if its request then changes data whatever
    /// the defect — the suite says so, and it needs a target here.
    /// </summary>
    public FuzzTarget TargetFor(FuzzRoute route)
    {
        var raw = route.Pattern.RawText ?? "/";
        var key = route.Method + " " + (raw.StartsWith("/api/", StringComparison.Ordinal) ? raw[4..] : raw);
        var path = route.Path(p => Parameter(raw, p));
        var target = new FuzzTarget(route, path) { Bearer = raw.StartsWith("/api/", StringComparison.Ordinal) ? Admin : null };
        var directLine = raw.Contains("/v3/directline/", StringComparison.Ordinal);
        if (directLine) target = target with { Bearer = Token, DirectLine = true };
        return key switch
        {
            "POST /orders" => target with { Bearer = null, LargeBodies = true, Json = Obj(new
            {
                text = "三楼楼道灯坏了一个星期了", category = "repair", communityId = "dongqili", address = "宝盛小区3号楼2单元301",
                contact = new { name = "李秀英", phone = "13805381234" },
            }) },
            "POST /orders/{id}/dispatch" => target with { Json = Obj(new { unitId = "baosheng-property", category = "repair", note = "请尽快处理" }) },
            "POST /orders/{id}/complete" => target with { LargeBodies = true, Json = Obj(new { note = "已更换灯泡", photos = new[] { TestImages.PngBase64() } }) },
            "POST /orders/{id}/confirm" => target with { Json = Obj(new { rating = 5, comment = "修得很及时" }) },
            "POST /orders/{id}/accept" => target with { Json = Obj(new { note = "收到" }) },
            "POST /showcases" => target with { Json = Obj(new { title = "楼道灯修好了", story = "物业当天更换了灯泡。", orderIds = new[] { ClosedOrder } }) },
            "POST /units" => target with { Json = Obj(new
            {
                id = "baosheng-property", name = "宝盛置业", streetId = "caiyuan", level = "community", kind = "enterprise",
                categories = new[] { "repair" }, communityIds = new[] { "dongqili" },
            }) },
            // A liaison may not issue codes: whatever else is wrong, nothing is issued.
            "POST /units/{unitId}/binding-codes" => target with { Bearer = Liaison, Json = Obj(new { note = "x" }) },
            // A liaison may not withdraw a showcase (the route takes no body): whatever else is wrong, it stays published.
            "POST /showcases/{id}/withdraw" => target with { Bearer = Liaison, Json = Obj(new { note = "x" }) },
            "POST /messages" => target with { Bearer = null, Connector = true, FreeForm = ["channelData"], Json = Activity() },
            "POST /v3/directline/tokens/generate" => target with { Bearer = DirectLineSecret, Json = Obj(new { user = new { id = "fuzz-user" } }) },
            "POST /v3/directline/conversations" => target with { Json = Obj(new { user = new { id = "fuzz-user", name = "居民" } }) },
            "POST /v3/directline/conversations/{conversationId}/activities" => target with { FreeForm = ["channelData"], Json = DirectLineActivity() },
            "POST /v3/directline/conversations/{conversationId}/upload" => target with { Multipart = true, FreeForm = ["channelData"], Json = DirectLineActivity() },
            _ when route.Method == "POST" && raw.StartsWith("/api/orders/{id}/", StringComparison.Ordinal) => target with { Json = Obj(new { reason = "居民已自行解决" }) },
            _ when route.Method is "GET" or "HEAD" => target,
            _ => target with { Json = Obj(new { text = "测试" }) },
        };
    }

    private string Parameter(string raw, RoutePatternParameterPart p) => p.Name switch
    {
        "id" when raw.Contains("/showcases/", StringComparison.Ordinal) => ShowcaseId,
        "showcaseId" => ShowcaseId,
        "streetId" => "caiyuan",
        "id" => ClosedOrder,
        "index" => "0",
        "unitId" => "baosheng-property",
        "conversationId" => Conversation,
        _ => "x",
    };

    private JsonObject Activity() => Obj(new
    {
        type = "message", id = "fuzz-activity-1", channelId = "emulator", serviceUrl = DeadServiceUrl, text = "三楼楼道灯坏了",
        from = new { id = "fuzz-user", name = "居民" }, recipient = new { id = "gongjian-bot" },
        conversation = new { id = "fuzz-conversation", isGroup = false }, locale = "zh-CN",
        channelData = new { clientActivityID = "c-1" },
    });

    private static JsonObject DirectLineActivity() => Obj(new
    {
        type = "message", text = "三楼楼道灯坏了", from = new { id = "fuzz-user", name = "居民" }, locale = "zh-CN",
        channelData = new { clientActivityID = "fuzz-client-1" },
    });

    private static JsonObject Obj(object o) => System.Text.Json.JsonSerializer.SerializeToNode(o)!.AsObject();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
