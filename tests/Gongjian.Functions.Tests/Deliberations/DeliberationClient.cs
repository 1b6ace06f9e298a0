using System.Text.Json;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Deliberations;

/// <summary>Deliberation requests on the test app, and a topic brought to each step.</summary>
internal static class DeliberationClient
{
    public const string RaiserName = "欧阳秀兰", RaiserPhone = "13905381122";
    public static readonly string[] VoterPhones = ["13812340001", "13812340002", "13812340003"];

    public static object PublicTopic(string community = "dongqili") => new
    {
        communityId = community, estate = "宝盛小区", title = "东门加装电动车充电桩",
        description = $"楼道里充电不安全，我是{RaiserName}，住宝盛小区3号楼2单元301，电话 {RaiserPhone}。", name = RaiserName, phone = RaiserPhone,
    };

    public static object Meeting(DateTimeOffset now, bool vote = true) => new
    {
        at = now.AddHours(2), place = "八仙议事厅", parties = new[] { "resident_reps", "party_members", "property_company" }, unitIds = new[] { "baosheng-property" },
        vote = vote ? new { question = "是否在东门加装 10 个充电桩", rule = "simple_majority", closesAt = now.AddHours(3) } : null,
    };

    public static object Decision(params object[] actions) => new
    {
        minutes = $"到会 15 人，{RaiserName}介绍了情况。物业同意提供东门空地。", decision = "在东门加装 10 个充电桩，物业负责日常管理。", attendees = 15,
        actions = actions.Length > 0 ? actions : [new { kind = "order", text = "东门加装 10 个电动车充电桩", category = "repair", address = "宝盛小区东门" }],
    };

    /// <summary>Raised by a resident; returns its id and tracking code.</summary>
    public static async Task<(string Id, string Code)> RaisedAsync(TestApp app)
    {
        var raised = await (await app.PostAsync("/api/deliberations/public", PublicTopic())).ReadJsonAsync(201);
        return (raised.GetProperty("id").GetString()!, raised.GetProperty("trackingCode").GetString()!);
    }

    /// <summary>Raised, accepted and scheduled (meeting in 2 h, vote closing in 3 h) by the dispatcher.</summary>
    public static async Task<(string Id, string Code)> ScheduledAsync(TestApp app, string dispatcher, DateTimeOffset now, bool vote = true)
    {
        var (id, code) = await RaisedAsync(app);
        await (await app.PostAsync($"/api/deliberations/{id}/accept", null, dispatcher)).ReadJsonAsync(200);
        await (await app.PostAsync($"/api/deliberations/{id}/meeting", Meeting(now, vote), dispatcher)).ReadJsonAsync(200);
        return (id, code);
    }

    public static Task<HttpResponseMessage> VoteAsync(TestApp app, string id, string phone, string choice = "for") =>
        app.PostAsync($"/api/deliberations/{id}/votes", new { choice, phone });

    public static async Task<JsonElement> DeliberationAsync(TestApp app, string id, string key) =>
        await (await app.GetAsync($"/api/deliberations/{id}", key)).ReadJsonAsync(200);
}
