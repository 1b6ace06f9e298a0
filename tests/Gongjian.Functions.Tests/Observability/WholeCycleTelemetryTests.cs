using System.Diagnostics;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Tests.Engine;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Observability;

/// <summary>
/// One order through HTTP, the outbox, a durable timer and a notice's retry queue: the correlation id
/// the client sent is on every hop, spans and metrics are recorded, and no sink sees personal data.
/// Two instances share the storage, as under the Functions host: one serves HTTP, one runs triggers.
/// </summary>
[Collection(ObservabilityCollection.Name)]
public sealed class WholeCycleTelemetryTests(AzuriteFixture azurite, TelemetryFixture telemetry)
{
    private const string Phone = "13912345678", Name = "欧阳淑芬", Address = "宝盛小区9号楼1单元902", Text = "七楼楼道声控灯全部损坏已经三天了，住9号楼1单元902，电话一三九一二三四五六七八";
    // What the text itself holds: neither its phone (in Chinese numerals) nor its room may reach a log line, span or metric.
    private const string TextPhone = "一三九一二三四五六七八", TextRoom = "1单元902";
    private static readonly string[] Sla = ["--Sla:DispatchWithin=00:00:02"]; // the dispatch deadline passes during the test

    [Fact]
    public async Task Correlation_id_follows_the_order_through_queues_and_timers_and_no_personal_data_is_recorded()
    {
        var sinks = new TelemetrySinks(telemetry);
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var correlation = "obs-" + Guid.NewGuid().ToString("N")[..12] + ".cycle_1";
        await using var web = await ObservedApp.StartAsync(azurite, sinks, prefix, seed: true, Sla);
        var keys = web.Services.GetRequiredService<StaffKeys>();
        var dispatcher = (await keys.CreateAsync(ActorRole.Dispatcher, "dongqili", "派单员", CancellationToken.None)).Key;
        var liaison = (await keys.CreateAsync(ActorRole.Liaison, "baosheng-property", "联络员", CancellationToken.None)).Key;

        var placed = await web.SendAsync(HttpMethod.Post, "/api/orders", correlation: correlation, body: new
        {
            text = Text, category = "repair", communityId = "dongqili", address = Address, contact = new { name = Name, phone = Phone },
        });
        var json = await placed.ReadJsonAsync(201);
        var (id, code) = (json.GetProperty("id").GetString()!, json.GetProperty("trackingCode").GetString()!);
        Assert.Equal(correlation, placed.CorrelationHeader());
        var requestLines = sinks.Logs.Lines.Where(l => l.Scope("RequestPath") == "/api/orders" && Signals.InPipeline(l)).ToList();
        Assert.NotEmpty(requestLines);
        Assert.All(requestLines, l => Assert.Equal(correlation, l.Scope("CorrelationId")));
        // The relay arms the dispatch step's first timer once the command is stored (it may finish just after the answer).
        var timerMessage = await Signals.WaitForAsync(async () => (await web.Storage.Queue(QueueNames.OrderTimers).PeekMessagesAsync(32)).Value
            .Select(m => m.Body.ToString()).SingleOrDefault(m => m.Contains(id)), "the dispatch timer on its queue");
        Assert.Equal(correlation, Signals.CorrelationOf(timerMessage));

        // The trigger instance fires the dispatch timer (escalation, its notices delivered in the same invocation).
        await using var worker = await ObservedApp.StartAsync(azurite, sinks, prefix, seed: false,
            ["--Host:Triggers=true", $"--Host:HostJsonPath={EngineRig.FastHostJson()}", .. Sla]);
        var timerLine = await Signals.WaitForAsync(() => InvocationLines(sinks, "OnOrderTimer", correlation).FirstOrDefault(), "the timer under the correlation id");
        Assert.True(long.TryParse(timerLine.Scope("DequeueCount"), out var tries) && tries >= 1);
        Assert.False(string.IsNullOrEmpty(timerLine.Scope("InvocationId")));
        // The reminder fires first and arms the due timer, which escalates (督办) before anyone dispatches.
        await Signals.WaitForAsync(() => sinks.Spans.FirstOrDefault(s => s.DisplayName == "order ExpireDeadline" && s.Tag("order.id") == id), "the escalation");
        var digest = worker.Services.GetRequiredService<FunctionCatalog>().All.Single(f => f.Name == "DailyOverdueDigest");
        await digest.Run!(new FunctionInvocation { FunctionName = digest.Name, InvocationId = "digest" }, worker.Services, CancellationToken.None);

        var dispatched = await web.SendAsync(HttpMethod.Post, $"/api/orders/{id}/dispatch", new { unitId = "baosheng-property" }, dispatcher);
        await dispatched.ReadJsonAsync(200);
        var traceCorrelation = dispatched.CorrelationHeader()!; // no header sent: the request's trace id
        Assert.Matches("^[0-9a-f]{32}$", traceCorrelation);
        await (await web.SendAsync(HttpMethod.Post, $"/api/orders/{id}/accept", new { }, liaison)).ReadJsonAsync(200);
        var again = await web.SendAsync(HttpMethod.Post, $"/api/orders/{id}/accept", new { }, liaison, correlation: "dup-accept");
        var rejection = (await again.ShouldBeProblemAsync(409, "order_accepted")).GetProperty("code").GetString()!;
        Assert.Equal("dup-accept", again.CorrelationHeader()); // problem answers carry it too
        await (await web.SendAsync(HttpMethod.Post, $"/api/orders/{id}/complete", new { note = "已修好", photos = new[] { TestImages.PngBase64() } }, liaison)).ReadJsonAsync(200);
        await (await web.SendAsync(HttpMethod.Post, $"/api/orders/{id}/confirm", new { rating = 5 }, trackingCode: code)).ReadJsonAsync(200);
        // A notice that could not be delivered at once is retried from queue `notifications` under the trace that produced it.
        await web.Storage.Queue(QueueNames.Notifications).SendMessageAsync(System.Text.Json.JsonSerializer.Serialize(new Gongjian.Bot.Notifications.Notification
        {
            Id = $"{id}:2:dispatcher:dongqili", OrderId = id, Recipient = new(Gongjian.Bot.Notifications.RecipientKind.Dispatcher, "dongqili"),
            Kind = "dispatched", Text = "【测试】重试的通知", CorrelationId = traceCorrelation, CreatedAt = DateTimeOffset.UtcNow,
        }, Gongjian.Functions.Engine.NotificationJson.Default.Notification));

        // Spans: the request, the command, the queue hops (the dispatch's linked to its request trace) and the timer.
        var spans = sinks.Spans;
        await Signals.WaitForAsync(() => spans.FirstOrDefault(s => s.Kind == ActivityKind.Server && s.Tag("gongjian.correlation_id") == correlation), "request span");
        var place = Assert.Single(spans.Where(s => s.DisplayName == "order PlaceOrder" && s.Tag("order.id") == id).DistinctBy(s => s.SpanId));
        Assert.Equal(("PlaceOrder", "applied"), (place.Tag("order.command"), place.Tag("order.outcome")));
        Assert.Contains(spans, s => s.Kind == ActivityKind.Client && s.ParentSpanId == place.SpanId); // its storage calls
        Assert.DoesNotContain(spans, s => s.Kind == ActivityKind.Client && s.ParentSpanId == default); // idle polls are not traced
        Assert.Contains(spans, s => s.DisplayName == "order AcceptOrder" && s.Tag("order.id") == id && s.Tag("order.outcome") == rejection);
        Assert.Contains(spans, s => s.DisplayName == "OnOrderTimer" && s.Tag("gongjian.correlation_id") == correlation);
        var retried = await Signals.WaitForAsync(() => spans.FirstOrDefault(s => s.DisplayName == "DeliverNotification" && s.Tag("gongjian.correlation_id") == traceCorrelation
            && s.Links.Any(l => l.Context.TraceId.ToHexString() == traceCorrelation)), "the retried notice's delivery linked to the dispatch trace");
        Assert.Equal("notifications", retried.Tag("messaging.destination.name"));

        sinks.FlushMetrics();
        Assert.Contains(sinks.Points("gongjian.orders.transitions"), t => t["type"] == "OrderPlaced" && t["status"] == "placed");
        Assert.Contains(sinks.Points("gongjian.orders.transitions"), t => t["type"] == "OrderEscalated");
        Assert.Contains(sinks.Points("gongjian.orders.rejections"), t => t["code"] == rejection);
        Assert.Contains(sinks.Points("gongjian.queue.lag"), t => t["queue"] == "notifications");
        Assert.Contains(sinks.Points("gongjian.timer.lateness"), t => t["step"] == nameof(SlaStep.Dispatch));
        Assert.NotEmpty(sinks.GaugeValues("gongjian.orders.overdue", "street", "caiyuan"));

        string[] personal = [Phone, Name, Address, Text, TextPhone, TextRoom, code];
        foreach (var line in sinks.Logs.Lines) Assert.DoesNotContain(personal, p => line.AllText.Contains(p));
        foreach (var span in spans) Assert.DoesNotContain(personal, p => span.AllText().Contains(p));
        var tags = sinks.Metrics.Snapshot().Select(m => m.Name).Distinct().SelectMany(n => sinks.Points(n)).SelectMany(t => t.Values);
        Assert.DoesNotContain(tags, v => personal.Any(p => v?.Contains(p) == true));
    }

    private static IEnumerable<CapturedLog> InvocationLines(TelemetrySinks sinks, string function, string correlation) =>
        sinks.Logs.Lines.Where(l => l.Scope("FunctionName") == function && l.Scope("CorrelationId") == correlation);
}
