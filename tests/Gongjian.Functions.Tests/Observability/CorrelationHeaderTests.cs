using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Observability;

/// <summary>The X-Correlation-Id header: taken when valid, else the trace id; echoed even on problem answers.</summary>
[Collection(ObservabilityCollection.Name)]
public sealed class CorrelationHeaderTests(AzuriteFixture azurite, TelemetryFixture telemetry) : IAsyncLifetime
{
    private readonly TelemetrySinks _sinks = new(telemetry);
    private ObservedApp _app = null!;

    public async ValueTask InitializeAsync() =>
        _app = await ObservedApp.StartAsync(azurite, _sinks, "t" + Guid.NewGuid().ToString("N")[..12], seed: true);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Problem_answer_echoes_the_given_id_and_its_log_lines_carry_it()
    {
        var response = await _app.SendAsync(HttpMethod.Get, "/api/no-such-thing", correlation: "Req-42_a.b");

        await response.ShouldBeProblemAsync(404, "route_not_found");
        Assert.Equal("Req-42_a.b", response.CorrelationHeader());
        var lines = _sinks.Logs.Lines.Where(l => l.Scope("RequestPath") == "/api/no-such-thing" && Signals.InPipeline(l)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal("Req-42_a.b", l.Scope("CorrelationId")));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("x<script>")]
    [InlineData("")]
    public async Task Invalid_id_is_replaced_by_the_trace_id(string given)
    {
        var response = await _app.SendAsync(HttpMethod.Get, "/api/communities", correlation: given);

        await response.ReadJsonAsync(200);
        var id = response.CorrelationHeader();
        Assert.Matches("^[0-9a-f]{32}$", id);
        await Signals.WaitForAsync(() => _sinks.Spans.FirstOrDefault(s => s.Kind == System.Diagnostics.ActivityKind.Server && s.TraceId.ToHexString() == id),
            "the request span whose trace id became the correlation id");
    }

    [Fact]
    public async Task Over_long_id_is_replaced()
    {
        var response = await _app.SendAsync(HttpMethod.Get, "/api/communities", correlation: new string('a', 101));
        Assert.Matches("^[0-9a-f]{32}$", response.CorrelationHeader());
        var exact = await _app.SendAsync(HttpMethod.Get, "/api/communities", correlation: new string('a', 100));
        Assert.Equal(new string('a', 100), exact.CorrelationHeader());
    }
}
