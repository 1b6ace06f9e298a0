using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.EndToEnd;

/// <summary>
/// The app started as its own process, seeded by its own `seed --keys` verb, driven through a whole
/// cycle over HTTP to a public showcase — and nothing personal in any public answer or in its logs.
/// </summary>
public sealed class WholeCycleTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Name = "李秀英";
    private const string Phone = "13805381234";
    private const string Address = "宝盛小区3号楼2单元301";
    private const string Planted = "GPS 36.1912N 117.0876E owner-li";

    [Fact]
    public async Task Whole_cycle_through_the_running_app_ends_in_an_anonymous_showcase()
    {
        var env = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage__Prefix"] = "e" + Guid.NewGuid().ToString("N")[..12],
        };
        var seeded = await AppProcess.RunVerbAsync(env, "seed", "--keys");
        string Key(string role, string scope) =>
            Regex.Match(seeded, $@"^\s*{role}\s+{Regex.Escape(scope)}\s+(gjk_\S+)", RegexOptions.Multiline).Groups[1].Value;
        var (dispatcher, liaison, organizer) = (Key("dispatcher", "dongqili"), Key("liaison", "baosheng-property"), Key("organizer", "caiyuan"));
        Assert.All(new[] { dispatcher, liaison, organizer }, k => Assert.StartsWith("gjk_", k));

        await using var app = await AppProcess.StartAsync(env);
        output.WriteLine($"Cold start to first served request: {app.StartedIn.TotalMilliseconds:F0} ms");
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        var placed = await Send(http, HttpMethod.Post, "/api/orders", new
        {
            text = "三楼楼道灯坏了一个星期了，晚上看不见", category = "repair", communityId = "dongqili", address = Address,
            contact = new { name = Name, phone = Phone }, photos = new[] { TestImages.PngBase64(Planted) },
        }, expect: 201);
        var id = placed.GetProperty("id").GetString()!;
        var code = placed.GetProperty("trackingCode").GetString()!;

        await Send(http, HttpMethod.Post, $"/api/orders/{id}/dispatch", new { unitId = "baosheng-property" }, dispatcher);
        await Send(http, HttpMethod.Post, $"/api/orders/{id}/accept", new { }, liaison);
        await Send(http, HttpMethod.Post, $"/api/orders/{id}/complete", new { note = "已更换楼道灯", photos = new[] { TestImages.PngBase64(Planted) } }, liaison);
        await Send(http, HttpMethod.Post, $"/api/orders/{id}/confirm", new { rating = 5, comment = "师傅很负责" }, tracking: code);
        var showcase = await Send(http, HttpMethod.Post, "/api/showcases", new
        {
            title = "楼道亮了，居民心也亮了", story = "东七里社区居民反映楼道灯损坏，宝盛置业当天上门更换。", orderIds = new[] { id },
        }, organizer, expect: 201);
        var showcaseId = showcase.GetProperty("id").GetString()!;

        var publicTexts = new List<string>
        {
            await http.GetStringAsync("/api/showcases"),
            await http.GetStringAsync($"/api/showcases/{showcaseId}"),
        };
        var item = JsonDocument.Parse(publicTexts[1]).RootElement.GetProperty("items")[0];
        Assert.Equal("泰山宝盛置业有限公司", item.GetProperty("unitName").GetString());
        Assert.Equal(5, item.GetProperty("rating").GetInt32());
        var photoUrl = item.GetProperty("photos")[0].GetString()!;
        var photo = await http.GetByteArrayAsync(photoUrl);
        Assert.Equal(0x89, photo[0]);
        publicTexts.Add(Encoding.Latin1.GetString(photo));

        string[] secrets = [Name, Phone, "5381234", Address, "3号楼", code, code.Replace("-", ""), id, Planted, "owner-li"];
        foreach (var text in publicTexts)
            foreach (var secret in secrets)
                Assert.DoesNotContain(secret, text);
        foreach (var secret in new[] { Name, Phone, Address, code })
            Assert.DoesNotContain(secret, app.Output);
    }

    private static async Task<JsonElement> Send(HttpClient http, HttpMethod method, string path, object body,
        string? key = null, string? tracking = null, int expect = 200)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (tracking is not null) request.Headers.Add("X-Tracking-Code", tracking);
        using var response = await http.SendAsync(request);
        return await response.ReadJsonAsync(expect);
    }
}
