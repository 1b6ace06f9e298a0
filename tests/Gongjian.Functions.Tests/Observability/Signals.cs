using Gongjian.Engine;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjian.Functions.Engine;
using OpenTelemetry.Metrics;

namespace Gongjian.Functions.Tests.Observability;

/// <summary>Reading what the sinks caught, and sending requests with or without a correlation id.</summary>
public static class Signals
{
    /// <summary>
    /// A request's lines written by the middleware pipeline: all but Kestrel's connection lines and the
    /// hosting's "Request starting/finished", which are written around the pipeline.
    /// </summary>
    public static bool InPipeline(CapturedLog line) =>
        !line.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal)
        && !line.Category.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal);

    public static string? Tag(this Activity span, string key) => span.GetTagItem(key)?.ToString();

    /// <summary>Every data point of the named metric, as its tags (value under "value" for gauges and sums).</summary>
    public static List<Dictionary<string, string?>> Points(this TelemetrySinks sinks, string name) =>
        sinks.Metrics.Snapshot().Where(m => m.Name == name).SelectMany(m => m.MetricPoints).Select(p =>
        {
            var tags = new Dictionary<string, string?>();
            foreach (var t in p.Tags) tags[t.Key] = t.Value?.ToString();
            return tags;
        }).ToList();

    public static IEnumerable<long> GaugeValues(this TelemetrySinks sinks, string name, string tag, string value) =>
        sinks.Metrics.Snapshot().Where(m => m.Name == name).SelectMany(m => m.MetricPoints)
            .Where(p => { foreach (var t in p.Tags) if (t.Key == tag && Equals(t.Value, value)) return true; return false; })
            .Select(p => p.GetGaugeLastValueLong());

    /// <summary>Everything a span could send: names, attributes, events, links, status, baggage.</summary>
    public static string AllText(this Activity span) => string.Join("\n", [span.DisplayName, span.OperationName, span.StatusDescription,
        .. span.TagObjects.Select(t => $"{t.Key}={t.Value}"), .. span.Baggage.Select(b => $"{b.Key}={b.Value}"),
        .. span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")),
        .. span.Links.SelectMany(l => (l.Tags ?? []).Select(t => $"{t.Key}={t.Value}"))]);

    public static Task<T> WaitForAsync<T>(Func<T?> find, string what, int seconds = 60) where T : class =>
        WaitForAsync(() => Task.FromResult(find()), what, seconds);

    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> find, string what, int seconds = 60) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await find() is { } found) return found;
            await Task.Delay(100);
        }
        Assert.Fail($"Not seen within {seconds}s: {what}");
        return null!;
    }

    public static Task<HttpResponseMessage> SendAsync(this ObservedApp app, HttpMethod method, string path, object? body = null,
        string? key = null, string? trackingCode = null, string? correlation = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null) request.Headers.Authorization = new("Bearer", key);
        if (trackingCode is not null) request.Headers.Add("X-Tracking-Code", trackingCode);
        if (correlation is not null) request.Headers.Add(Correlation.Header, correlation);
        return app.Http.SendAsync(request);
    }

    public static string? CorrelationHeader(this HttpResponseMessage response) =>
        response.Headers.TryGetValues(Correlation.Header, out var values) ? values.Single() : null;

    public static string? CorrelationOf(string message) =>
        JsonDocument.Parse(message).RootElement.TryGetProperty("correlationId", out var c) ? c.GetString() : null;
}
