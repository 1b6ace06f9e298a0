using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Hosting.Triggers;
using Gongjian.Functions.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Hosting.Triggers;

/// <summary>
/// <c>POST /{FunctionName}</c> as the Functions host calls a custom handler (started with
/// FUNCTIONS_CUSTOMHANDLER_PORT). Bodies are written out exactly as the host serialises them.
/// </summary>
public sealed class InvocationEndpointTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ConcurrentQueue<FunctionInvocation> _seen = new();
    private TriggerTestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TriggerTestApp.StartAsync(azurite, a =>
    {
        a.MapBackgroundFunction("OnWork", new QueueTrigger("work"), (inv, _, _) => { _seen.Enqueue(inv); return Task.CompletedTask; });
        a.MapBackgroundFunction("OnBroken", new QueueTrigger("broken"), (_, _, _) => throw new InvalidOperationException("boom"));
        a.MapBackgroundFunction("Tick", new TimerTrigger("0 */5 * * * *"), (inv, _, _) => { _seen.Enqueue(inv); return Task.CompletedTask; });
    }, args: "--FUNCTIONS_CUSTOMHANDLER_PORT=0");

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<HttpResponseMessage> Invoke(string function, string body, string? invocationId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/" + function) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (invocationId is not null) request.Headers.Add("X-Azure-Functions-InvocationId", invocationId);
        return _app.Http.SendAsync(request);
    }

    [Fact]
    public async Task Double_encoded_queue_message_and_string_metadata_are_unwrapped()
    {
        const string body = """
            {"Data":{"msg":"\"{\\\"orderId\\\":\\\"GJ260101-ABCDEF\\\",\\\"note\\\":\\\"楼道灯\\\"}\""},
             "Metadata":{"DequeueCount":"2","Id":"\"5e6f7a8b-0000-4000-8000-000000000001\"","InsertionTime":"\"2026-01-02T03:04:05+00:00\"",
                         "ExpirationTime":"\"2026-01-09T03:04:05+00:00\"","PopReceipt":"\"AgAAAAMAAAA\"",
                         "sys":{"MethodName":"OnWork","UtcNow":"2026-01-02T03:04:06.1234567Z","RandGuid":"0f1e2d3c-0000-4000-8000-000000000002"}}}
            """;
        var response = await Invoke("OnWork", body, "11111111-2222-3333-4444-555555555555");

        var json = await response.ReadJsonAsync(200);
        Assert.Empty(json.GetProperty("Outputs").EnumerateObject());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, json.GetProperty("Logs").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("ReturnValue").ValueKind);
        var inv = Assert.Single(_seen);
        Assert.Equal("""{"orderId":"GJ260101-ABCDEF","note":"楼道灯"}""", inv.Message);
        Assert.Equal(2, inv.DequeueCount);
        Assert.Equal("5e6f7a8b-0000-4000-8000-000000000001", inv.MessageId);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), inv.InsertedAt);
        Assert.Equal("11111111-2222-3333-4444-555555555555", inv.InvocationId);
        Assert.Equal("OnWork", inv.FunctionName);
    }

    [Theory]
    [InlineData("""{"Data":{"msg":{"orderId":"GJ1"}},"Metadata":{"DequeueCount":1,"Id":"abc"}}""", """{"orderId":"GJ1"}""", 1)]
    [InlineData("""{"Data":{"msg":"plain text"},"Metadata":{"DequeueCount":"3","Id":"abc"}}""", "plain text", 3)]
    [InlineData("""{"Data":{"msg":"5qW86YGT54Gv"},"Metadata":{"Id":"\"abc\""}}""", "楼道灯", 1)] // bytes arrive as base64
    [InlineData("""{"data":{"MSG":"\"x\""},"metadata":{"dequeuecount":"4"}}""", "x", 4)]
    public async Task Other_shapes_of_the_queue_message_are_read_tolerantly(string body, string message, long dequeueCount)
    {
        await (await Invoke("OnWork", body)).ReadJsonAsync(200);
        var inv = Assert.Single(_seen);
        Assert.Equal(message, inv.Message);
        Assert.Equal(dequeueCount, inv.DequeueCount);
        Assert.True(Guid.TryParse(inv.InvocationId, out _)); // no header: a fresh id
    }

    [Fact]
    public async Task Timer_invocation_runs_the_timer_function()
    {
        const string body = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-01-02T03:00:00+00:00","Next":"2026-01-02T03:05:00+00:00","LastUpdated":"2026-01-02T03:00:00+00:00"},"IsPastDue":false}},
             "Metadata":{"sys":{"MethodName":"Tick","UtcNow":"2026-01-02T03:05:00.0012Z","RandGuid":"0f1e2d3c-0000-4000-8000-000000000002"}}}
            """;
        await (await Invoke("Tick", body)).ReadJsonAsync(200);
        var inv = Assert.Single(_seen);
        Assert.Equal("Tick", inv.FunctionName);
        Assert.Null(inv.Message);
    }

    [Fact]
    public async Task A_throwing_function_answers_500_so_the_host_retries()
    {
        var response = await Invoke("OnBroken", """{"Data":{"msg":"\"x\""},"Metadata":{"DequeueCount":"1"}}""");
        await response.ShouldBeProblemAsync(500, "function_failed");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"Metadata":{}}""")]
    [InlineData("""{"Data":"msg"}""")]
    [InlineData("""{"Data":{}}""")]
    [InlineData("""{"Data":{"msg":null}}""")]
    public async Task Malformed_payloads_are_refused_with_400(string body)
    {
        await (await Invoke("OnWork", body)).ShouldBeProblemAsync(400, "invalid_invocation");
        Assert.Empty(_seen);
    }

    [Fact]
    public async Task Unknown_functions_stay_404_and_the_readiness_probe_gets_an_answer()
    {
        await (await Invoke("NoSuchFunction", """{"Data":{}}""")).ShouldBeProblemAsync(404, "route_not_found");
        var probe = await _app.Http.GetAsync("/");
        Assert.True((int)probe.StatusCode < 500, $"GET / answered {(int)probe.StatusCode}");
        Assert.False(_app.Services.GetRequiredService<TriggerSettings>().Standalone); // the Functions host runs the triggers
        Assert.Null(_app.Services.GetService<TriggerHost>());
    }

    [Fact]
    public async Task Standalone_the_invocation_endpoints_do_not_exist()
    {
        await using var standalone = await TriggerTestApp.StartAsync(azurite,
            a => a.MapBackgroundFunction("OnWork", new QueueTrigger("work"), (_, _, _) => Task.CompletedTask), args: "--Host:Triggers=false");
        var response = await standalone.Http.PostAsync("/OnWork", new StringContent("""{"Data":{"msg":"\"x\""}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
