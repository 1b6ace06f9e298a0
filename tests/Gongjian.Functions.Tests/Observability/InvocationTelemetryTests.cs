using System.Net.Http.Json;
using System.Text.Json;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Hosting.Triggers;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Observability;

/// <summary>
/// <c>POST /{FunctionName}</c> as the Functions host sends it: the invocation runs under the message's
/// correlation id (not the host request's), with a log scope naming it and a span under the request's.
/// </summary>
[Collection(ObservabilityCollection.Name)]
public sealed class InvocationTelemetryTests(AzuriteFixture azurite, TelemetryFixture telemetry)
{
    [Fact]
    public async Task Custom_handler_invocation_runs_under_the_correlation_id_of_its_message()
    {
        var sinks = new TelemetrySinks(telemetry);
        await using var app = await ObservedApp.StartAsync(azurite, sinks, "t" + Guid.NewGuid().ToString("N")[..12], seed: true,
            "--Host:InvocationEndpoints=true");
        // A notice the relay could not deliver at once waits on queue `notifications` with the correlation id of the request that caused it.
        var queue = app.Storage.Queue(QueueNames.Notifications);
        await queue.SendMessageAsync(JsonSerializer.Serialize(new Gongjian.Bot.Notifications.Notification
        {
            Id = "GJ250601-AAAAAA:1:dispatcher:dongqili", OrderId = "GJ250601-AAAAAA", Recipient = new(Gongjian.Bot.Notifications.RecipientKind.Dispatcher, "dongqili"),
            Kind = "placed", Text = "【待派单】测试", CorrelationId = "from-the-resident", CreatedAt = DateTimeOffset.UtcNow,
        }, Gongjian.Functions.Engine.NotificationJson.Default.Notification));
        var message = Assert.Single((await queue.ReceiveMessagesAsync(32)).Value);
        var invocationId = Guid.NewGuid().ToString();
        // The host's shape: the message text JSON-encoded again, metadata strings quoted.
        var body = JsonSerializer.Serialize(new
        {
            Data = new { msg = JsonSerializer.Serialize(message.Body.ToString()) },
            Metadata = new { Id = $"\"{message.MessageId}\"", DequeueCount = "1", InsertionTime = $"\"{message.InsertedOn:O}\"" },
        });
        var request = new HttpRequestMessage(HttpMethod.Post, "/DeliverNotification") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(InvocationEndpoints.InvocationIdHeader, invocationId);

        await (await app.Http.SendAsync(request)).ReadJsonAsync(200);

        var line = await Signals.WaitForAsync(() => sinks.Logs.Lines.FirstOrDefault(l => l.Scope("InvocationId") == invocationId), "a log line of the invocation");
        Assert.Equal("from-the-resident", line.Scope("CorrelationId"));
        Assert.Equal(("DeliverNotification", message.MessageId, "1"), (line.Scope("FunctionName"), line.Scope("MessageId"), line.Scope("DequeueCount")));
        var span = await Signals.WaitForAsync(() => sinks.Spans.FirstOrDefault(s => s.Tag("faas.invocation_id") == invocationId), "the invocation span");
        Assert.Equal(System.Diagnostics.ActivityKind.Consumer, span.Kind);
        Assert.Equal("from-the-resident", span.Tag("gongjian.correlation_id"));
        var server = await Signals.WaitForAsync(() => sinks.Spans.FirstOrDefault(s => s.SpanId == span.ParentSpanId), "the host request's span");
        Assert.Equal(System.Diagnostics.ActivityKind.Server, server.Kind);
        Assert.Null(server.Tag("gongjian.correlation_id")); // the host's request is not the order's story
        sinks.FlushMetrics();
        Assert.Contains(sinks.Points("gongjian.queue.lag"), t => t["queue"] == "notifications");
    }
}
