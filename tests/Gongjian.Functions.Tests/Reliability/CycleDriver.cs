using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Reliability;

/// <summary>What a simulated client does with one order.</summary>
public enum Script { FullCycle, LeftDispatched, Cancelled, Declined }

/// <summary>
/// Drives orders through the HTTP API like a persistent client would while hosts crash and restart:
/// a request that fails without an answer is retried; a 5xx is retried after its Retry-After (else
/// 250 ms); a 409 is accepted when the order's timeline shows the step already happened (the first
/// try committed before the crash). With <paramref name="idempotent"/> every placement carries an
/// Idempotency-Key, so a retried placement is one order. Every answer is recorded for the test.
/// </summary>
public sealed class CycleDriver(Func<Uri> host, string dispatcher, string liaison, bool idempotent = false, TimeSpan? requestTimeout = null)
{
    private static readonly string Photo = TestImages.PngBase64();
    public ConcurrentDictionary<string, (Script Script, string Code)> Orders { get; } = new();
    public int Retries;
    /// <summary>Why requests were retried (status code or exception type), for the test's output.</summary>
    public ConcurrentDictionary<string, int> RetryReasons { get; } = new();
    /// <summary>How many answers of each status code came back (retries included).</summary>
    public ConcurrentDictionary<int, int> Statuses { get; } = new();
    /// <summary>503 storage_unavailable problems with a Retry-After: the answer a storage outage should give.</summary>
    public int StorageUnavailable;
    /// <summary>Every other 5xx (a bare 500, a 503 without Retry-After or problem details), with its body.</summary>
    public ConcurrentQueue<string> BadServerAnswers { get; } = new();
    /// <summary>Requests that got no answer within the request timeout (the hang guard).</summary>
    public int Hangs;
    /// <summary>Orders dispatched again because the accept deadline withdrew the dispatch before the liaison's answer got through.</summary>
    public ConcurrentDictionary<string, int> Redispatches { get; } = new();

    public async Task RunAsync(int count, int concurrency, TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cts.Token },
            async (i, ct) => await OneAsync((Script)(i % 10 switch { < 6 => 0, < 8 => 1, 8 => 2, _ => 3 }), ct));
    }

    private async Task OneAsync(Script script, CancellationToken ct)
    {
        var placed = await SendAsync(HttpMethod.Post, "/api/orders", TestApp.NewOrder(), null, null, 201, null, ct,
            idempotencyKey: idempotent ? Guid.NewGuid().ToString() : null);
        var id = placed.GetProperty("id").GetString()!;
        var code = placed.GetProperty("trackingCode").GetString()!;
        Orders[id] = (script, code);
        switch (script)
        {
            case Script.Cancelled:
                await Step(id, "cancel", new { reason = "已自行解决" }, null, code, "cancelled", ct);
                break;
            case Script.LeftDispatched:
                await Step(id, "dispatch", new { unitId = "baosheng-property" }, dispatcher, null, "dispatched", ct);
                break;
            case Script.Declined:
                await Step(id, "dispatch", new { unitId = "baosheng-property" }, dispatcher, null, "dispatched", ct);
                await LiaisonStep(id, "decline", new { reason = "人手不足" }, "declined", ct);
                break;
            default:
                await Step(id, "dispatch", new { unitId = "baosheng-property" }, dispatcher, null, "dispatched", ct);
                await LiaisonStep(id, "accept", new { }, "accepted", ct);
                await Step(id, "complete", new { note = "已处理", photos = new[] { Photo } }, liaison, null, "completed", ct);
                await Step(id, "confirm", new { rating = 4 }, null, code, "confirmed", ct);
                break;
        }
    }

    private Task Step(string id, string action, object body, string? key, string? code, string eventType, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/orders/{id}/{action}", body, key, code, 200, (id, eventType), ct);

    /// <summary>
    /// The liaison's answer to a dispatch. When it came after the accept deadline (requests held up by an
    /// outage or a crash), the deadline timer has withdrawn the dispatch: like a real dispatcher, the
    /// driver dispatches again (counted in <see cref="Redispatches"/>) and the liaison answers again.
    /// </summary>
    private async Task LiaisonStep(string id, string action, object body, string eventType, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await SendAsync(HttpMethod.Post, $"/api/orders/{id}/{action}", body, liaison, null, 200, (id, eventType), ct, withdrawnIsPossible: true);
                return;
            }
            catch (DispatchWithdrawnException)
            {
                Redispatches.AddOrUpdate(id, 1, (_, n) => n + 1);
                await Step(id, "dispatch", new { unitId = "baosheng-property" }, dispatcher, null, "dispatched", ct);
            }
        }
    }

    private sealed class DispatchWithdrawnException : Exception;

    /// <summary>
    /// The events a finished script leaves (escalations by timers aside): with each re-dispatch after a
    /// withdrawn dispatch, one more "DispatchWithdrawn, OrderDispatched" after the first dispatch.
    /// </summary>
    public IReadOnlyList<string> ExpectedEvents(string id, Script script)
    {
        List<string> events = script switch
        {
            Script.FullCycle => ["OrderPlaced", "OrderDispatched", "OrderAccepted", "OrderCompleted", "OrderConfirmed"],
            Script.Cancelled => ["OrderPlaced", "OrderCancelled"],
            Script.Declined => ["OrderPlaced", "OrderDispatched", "OrderDeclined"],
            _ => ["OrderPlaced", "OrderDispatched", "DispatchWithdrawn"],
        };
        for (var i = 0; i < Redispatches.GetValueOrDefault(id); i++) events.InsertRange(2, ["DispatchWithdrawn", "OrderDispatched"]);
        return events;
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object body, string? key, string? code, int expect,
        (string Id, string Event)? alreadyDone, CancellationToken ct, string? idempotencyKey = null, bool withdrawnIsPossible = false)
    {
        using var http = new HttpClient { Timeout = requestTimeout ?? TimeSpan.FromSeconds(15) };
        for (var attempt = 1; ; attempt++)
        {
            var wait = TimeSpan.FromMilliseconds(250);
            try
            {
                using var request = new HttpRequestMessage(method, new Uri(host(), path)) { Content = JsonContent.Create(body) };
                if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                if (code is not null) request.Headers.Add("X-Tracking-Code", code);
                if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
                using var response = await http.SendAsync(request, ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                Record(response, text);
                if ((int)response.StatusCode == expect) return JsonDocument.Parse(text).RootElement.Clone();
                if (response.StatusCode == HttpStatusCode.Conflict && alreadyDone is { } done && attempt > 1 && await HappenedAsync(http, done, key, code, ct))
                    return default;
                if (withdrawnIsPossible && response.StatusCode == HttpStatusCode.Conflict && text.Contains("\"code\":\"order_declined\"", StringComparison.Ordinal)
                    && alreadyDone is { } step && await HappenedAsync(http, (step.Id, "withdrawn"), dispatcher, null, ct))
                    throw new DispatchWithdrawnException();
                if ((int)response.StatusCode < 500) throw new InvalidOperationException($"{method} {path} → {(int)response.StatusCode}: {text}");
                RetryReasons.AddOrUpdate($"{(int)response.StatusCode} {text[..Math.Min(120, text.Length)]}", 1, (_, n) => n + 1);
                if (response.Headers.RetryAfter?.Delta is { } after) wait = after;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                if (e is TaskCanceledException) Interlocked.Increment(ref Hangs);
                RetryReasons.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
            }
            Interlocked.Increment(ref Retries);
            await Task.Delay(wait, ct);
        }
    }

    private void Record(HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (status < 500) return;
        JsonElement problem = default;
        try { if (response.Content.Headers.ContentType?.MediaType == "application/problem+json") problem = JsonDocument.Parse(text).RootElement; }
        catch (JsonException) { } // a cut-off body is a bad answer too
        if (status == 503 && response.Headers.RetryAfter?.Delta > TimeSpan.Zero && problem.ValueKind == JsonValueKind.Object
            && problem.GetProperty("code").GetString() == "storage_unavailable" && problem.GetProperty("title").GetString() is { Length: > 0 })
            Interlocked.Increment(ref StorageUnavailable);
        else BadServerAnswers.Enqueue($"{status} {text[..Math.Min(300, text.Length)]}");
    }

    /// <summary>Whether the order's timeline shows the step; asks again while the answer is a 5xx or none.</summary>
    private async Task<bool> HappenedAsync(HttpClient http, (string Id, string Event) step, string? key, string? code, CancellationToken ct)
    {
        while (true)
        {
            var wait = TimeSpan.FromMilliseconds(250);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host(), $"/api/orders/{step.Id}"));
                if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                if (code is not null) request.Headers.Add("X-Tracking-Code", code);
                using var response = await http.SendAsync(request, ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                Record(response, text);
                if ((int)response.StatusCode < 500)
                {
                    if (!response.IsSuccessStatusCode) return false;
                    var order = JsonDocument.Parse(text).RootElement;
                    return order.GetProperty("timeline").EnumerateArray().Any(e => e.GetProperty("type").GetString() == step.Event);
                }
                if (response.Headers.RetryAfter?.Delta is { } after) wait = after;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                if (e is TaskCanceledException) Interlocked.Increment(ref Hangs);
            }
            await Task.Delay(wait, ct);
        }
    }
}
