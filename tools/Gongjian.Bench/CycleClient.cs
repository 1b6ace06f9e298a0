using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gongjian.Bench;

/// <summary>
/// One order cycle over HTTP, each step timed into <see cref="Latencies"/>: 点单 place → 派单 dispatch
/// → 接单 accept → 办结 complete (with a small PNG) → 评价 confirm, then GET the order and the
/// dispatcher's list. Any unexpected status fails the cycle with the answer's text.
/// <para>
/// Contact as the console asks for it: the resident's phone and address are masked in every answer
/// (<c>?contact=masked</c>) except the liaison's accept — the one person who must call the resident sees them once,
/// and that view is recorded (<c>contactviews</c>) as every unmasked answer is.
/// </para>
/// </summary>
public sealed class CycleClient(HttpClient http, BenchKeys keys, Latencies latencies)
{
    private static readonly string PlaceBody = $$$"""
        {"text":"三楼楼道灯坏了一个星期了，晚上上下楼看不见，老人怕摔。","category":"repair","communityId":"{{{BenchSeed.Community}}}",
         "address":"宝盛小区3号楼2单元","contact":{"name":"李阿姨","phone":"13805381234"}}
        """;
    private static readonly string DispatchBody = $$"""{"unitId":"{{BenchSeed.Unit}}"}""";
    private static readonly string CompleteBody = $$"""{"note":"已更换楼道灯","photos":["{{BenchPng.Base64}}"]}""";
    private const string ConfirmBody = """{"rating":5,"comment":"师傅很负责"}""";

    public async Task RunCycleAsync(CancellationToken ct)
    {
        var (id, code) = await PlaceAsync(ct);
        await DispatchAsync(id, ct);
        (await SendAsync("accept", HttpMethod.Post, $"/api/orders/{id}/accept", "{}", keys.Liaison, null, 200, ct)).Dispose();
        (await SendAsync("complete", HttpMethod.Post, $"/api/orders/{id}/complete?contact=masked", CompleteBody, keys.Liaison, null, 200, ct)).Dispose();
        (await SendAsync("confirm", HttpMethod.Post, $"/api/orders/{id}/confirm", ConfirmBody, null, code, 200, ct)).Dispose();
        (await GetAsync(id, ct)).Dispose();
        (await SendAsync("list", HttpMethod.Get, "/api/orders?pageSize=20", null, keys.Dispatcher, null, 200, ct)).Dispose();
    }

    /// <summary>Places an order as a resident; returns its id and tracking code.</summary>
    public async Task<(string Id, string TrackingCode)> PlaceAsync(CancellationToken ct)
    {
        using var placed = await SendAsync("place", HttpMethod.Post, "/api/orders", PlaceBody, null, null, 201, ct);
        return (placed.RootElement.GetProperty("id").GetString()!, placed.RootElement.GetProperty("trackingCode").GetString()!);
    }

    /// <summary>Dispatches to the unit; returns when the accept step is due (the order's <c>dueAt</c>).</summary>
    public async Task<DateTimeOffset> DispatchAsync(string id, CancellationToken ct)
    {
        using var view = await SendAsync("dispatch", HttpMethod.Post, $"/api/orders/{id}/dispatch?contact=masked", DispatchBody, keys.Dispatcher, null, 200, ct);
        return view.RootElement.GetProperty("dueAt").GetDateTimeOffset();
    }

    /// <summary>The order with its timeline, as the community's dispatcher sees it (contact masked).</summary>
    public Task<JsonDocument> GetAsync(string id, CancellationToken ct) =>
        SendAsync("get", HttpMethod.Get, $"/api/orders/{id}?contact=masked", null, keys.Dispatcher, null, 200, ct);

    private async Task<JsonDocument> SendAsync(string step, HttpMethod method, string path, string? body, string? key, string? trackingCode,
        int expected, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (trackingCode is not null) request.Headers.Add("X-Tracking-Code", trackingCode);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        var text = await response.Content.ReadAsByteArrayAsync(ct);
        if ((int)response.StatusCode != expected)
            throw new BenchStepException($"{step} {path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(text.AsSpan(0, Math.Min(text.Length, 300)))}");
        latencies.Add(step, clock.Elapsed);
        return JsonDocument.Parse(text);
    }
}

/// <summary>An HTTP step answered something other than expected.</summary>
public sealed class BenchStepException(string message) : Exception(message);
