using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Fuzz;

/// <summary>
/// The permanent fuzz suite: at least 10,000 malformed requests across every route in the app's own
/// route table, 8 at a time. No answer may be a 5xx, the app must still be healthy afterwards, and
/// the seeded storage (every table row, blob and queue message) must be exactly as before.
/// Seed: <c>GONGJIAN_FUZZ_SEED</c> (default fixed, printed); count: <c>GONGJIAN_FUZZ_REQUESTS</c>;
/// <c>GONGJIAN_FUZZ_SUMMARY</c> names a file the figures are appended to.
/// </summary>
public sealed class FuzzTests(AzuriteFixture azurite)
{
    private const int DefaultSeed = 20261205;
    private const int DefaultRequests = 10_500;
    private const int Concurrency = 8;

    [Fact]
    public async Task Ten_thousand_malformed_requests_get_no_5xx_and_change_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("GONGJIAN_FUZZ_SEED"), out var s) ? s : DefaultSeed;
        var total = int.TryParse(Environment.GetEnvironmentVariable("GONGJIAN_FUZZ_REQUESTS"), out var n) ? n : DefaultRequests;
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"fuzz seed {seed} (set GONGJIAN_FUZZ_SEED to repeat or vary)");

        await using var rig = await FuzzRig.StartAsync(azurite);
        var routes = FuzzRoute.All(rig.App.Services).Where(r => r.Methods.Count > 0).ToList();
        Assert.Contains(routes, r => r.Pattern.RawText == "/api/orders" && r.Method == "POST");
        Assert.Contains(routes, r => r.Pattern.RawText == "/api/messages");
        Assert.Contains(routes, r => r.Pattern.RawText == "/v3/directline/conversations/{conversationId}/upload");
        Assert.Contains(routes, r => r.Pattern.RawText == "/chat");
        Assert.Contains(routes, r => r.Pattern.RawText!.StartsWith("/api/docs", StringComparison.Ordinal));
        var methodsAtPath = routes.GroupBy(r => rig.TargetFor(r).Path).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(r => r.Method).ToHashSet());
        var before = await StorageSnapshot.TakeAsync(azurite.ConnectionString, rig.Prefix);

        var perRoute = (total + routes.Count - 1) / routes.Count;
        var requests = routes.SelectMany(route =>
        {
            var target = rig.TargetFor(route);
            return new MalformedRequests(target, rig.Credentials, methodsAtPath[target.Path]).Take(new Random(Mix(seed, route.Label)), perRoute);
        });

        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var notProblems = new ConcurrentQueue<string>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Concurrency, AllowAutoRedirect = false, RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        }) { BaseAddress = rig.App.Http.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (request, ct) =>
        {
            Interlocked.Increment(ref sent);
            try
            {
                using var response = await SendAsync(http, request, ct);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (status >= 500) failures.Enqueue($"{status} {request.Describe()} → {Cut(text, 300)}");
                else if (status >= 400 && IsAppPath(request.Path) && !IsRefusalShape(request.Path, response.Content.Headers.ContentType?.MediaType, text)
                    && response.Content.Headers.ContentLength != 0 && !string.IsNullOrEmpty(text))
                    notProblems.Enqueue($"{status} {request.Describe()} → {Cut(text, 120)}");
            }
            catch (HttpRequestException) when (request.Huge)
            {
                // Kestrel answers 413 and closes the connection while a client is still sending: no answer to read.
                statuses.AddOrUpdate(0, 1, (_, c) => c + 1);
            }
            catch (Exception e)
            {
                failures.Enqueue($"no answer ({e.GetType().Name}: {Cut(e.Message, 120)} {Cut(e.InnerException?.Message ?? "", 120)}) {request.Describe()}");
            }
        });
        clock.Stop();

        var health = await rig.App.GetAsync("/api/health");
        var after = await StorageSnapshot.TakeAsync(azurite.ConnectionString, rig.Prefix);
        var fives = statuses.Where(p => p.Key >= 500).Sum(p => p.Value);
        var summary = $"fuzz: {sent} requests over {routes.Count} routes in {clock.Elapsed.TotalSeconds:F1} s, {fives} × 5xx, seed {seed}";
        output?.WriteLine(summary);
        Console.WriteLine(summary);
        // The test runner shows output of failed tests only: CI (and the closing note) takes the figure from this file.
        if (Environment.GetEnvironmentVariable("GONGJIAN_FUZZ_SUMMARY") is { Length: > 0 } file)
            await File.AppendAllTextAsync(file, summary + "\nstatuses: " + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{(p.Key == 0 ? "closed" : p.Key)}×{p.Value}")) + "\n");
        output?.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{(p.Key == 0 ? "closed" : p.Key)}×{p.Value}")));
        foreach (var f in failures.Take(40)) output?.WriteLine(f);

        var changed = before.Except(after).Select(l => "- " + l).Concat(after.Except(before).Select(l => "+ " + l)).ToList();
        foreach (var p in notProblems.Take(20)) output?.WriteLine("not a problem: " + p);
        foreach (var c in changed.Take(40)) output?.WriteLine("storage " + c);

        Assert.True(sent >= total, $"only {sent} requests were made");
        Assert.True(failures.IsEmpty, $"{failures.Count} requests failed (seed {seed}):\n" + string.Join("\n", failures.Take(40)));
        Assert.True(notProblems.IsEmpty, $"{notProblems.Count} refusals were not problem details (seed {seed}):\n" + string.Join("\n", notProblems.Take(20)));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(changed.Count == 0, $"stored data changed (seed {seed}):\n" + string.Join("\n", changed.Take(40)));
    }

    /// <summary>
    /// Sends the request; a connection the server closed after the previous request on it (as Kestrel
    /// does after refusing a body it did not read) is retried on a new one, up to twice. A request that
    /// crashed the app fails all three times, and the health check afterwards says so as well.
    /// </summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, FuzzRequest request, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var message = ToMessage(http.BaseAddress!, request);
            try { return await http.SendAsync(message, ct); }
            catch (HttpRequestException) when (attempt < 3 && !request.Huge) { }
        }
    }

    /// <summary>The request as it is on the wire: the path kept as written (no dot-segment removal), non-ASCII escaped.</summary>
    private static HttpRequestMessage ToMessage(Uri baseAddress, FuzzRequest request)
    {
        var path = new StringBuilder();
        foreach (var rune in request.Path.EnumerateRunes())
            path.Append(rune.Value is < 0x80 and > 0x20 && rune.Value is not ('<' or '>' or '\'' or '"' or '`' or '{' or '}' or '|' or '\\' or '^')
                ? ((char)rune.Value).ToString() : Uri.EscapeDataString(rune.ToString()));
        var uri = new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = null;
            if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }
        foreach (var (name, value) in request.Headers)
            if (!message.Headers.TryAddWithoutValidation(name, value)) message.Content?.Headers.TryAddWithoutValidation(name, value);
        return message;
    }

    /// <summary>Problem details everywhere; Open311 functions refuse with the standard's own list of <c>{code, description}</c>
    /// (a bad staff key or method is refused before them, as problem details); the public pages answer a page people can read.</summary>
    private static bool IsRefusalShape(string path, string? mediaType, string text) =>
        mediaType == "application/problem+json"
        || path.StartsWith("/api/pages/", StringComparison.Ordinal) && mediaType == "text/html" && text.StartsWith("<!DOCTYPE html>", StringComparison.Ordinal)
        || path.Contains("/open311/v2/", StringComparison.Ordinal)
           && (mediaType == "application/json" && text.StartsWith("[{\"code\":", StringComparison.Ordinal)
               || mediaType is "application/xml" or "text/xml" && text.Contains("<errors>", StringComparison.Ordinal));

    private static bool IsAppPath(string path) =>
        path.StartsWith("/api/", StringComparison.Ordinal) && !path.StartsWith("/api/docs", StringComparison.Ordinal)
        || path.StartsWith("/v3/", StringComparison.Ordinal);

    /// <summary>A stable per-route seed (string.GetHashCode differs between runs).</summary>
    private static int Mix(int seed, string label)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in label) hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..n] + "…";
}
