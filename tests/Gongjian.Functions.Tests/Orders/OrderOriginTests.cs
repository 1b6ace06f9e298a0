using Gongjian.Domain.Orders;
using Gongjian.Engine;
using Gongjian.Functions.Deliberations;
using Gongjian.Functions.GridReports;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Gongjian.Functions.Tests.Deliberations.DeliberationClient;
using static Gongjian.Functions.Tests.GridReports.GridClient;

namespace Gongjian.Functions.Tests.Orders;

/// <summary>
/// An order records where it came from (<see cref="OrderOrigin"/>): placed directly, of a 议事 decision or of a 格事坊 report.
/// Its end looks for a deliberation to tell (a <c>deliberationlinks</c> point read) or a report to close (a
/// <c>gridreportindex</c> query) only if it may have come from one: its origin is that kind, or it has none recorded (an order
/// placed before origins were). Each test makes a real linked order on Azurite, then relays its completion with the state's
/// origin replaced: recorded as direct, the link is not looked up (the deliberation or report stays as it was though the link
/// is there); not recorded, it is looked up and followed as before.
/// </summary>
public sealed class OrderOriginTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ShiftedClock _clock = new();
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock));
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Orders_placed_directly_record_it_and_a_place_through_the_api_keeps_it_in_the_state()
    {
        var (dispatcher, liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        var (id, _) = await _app.PlaceAsync();
        Assert.Equal(OrderOrigin.Direct, (await StateAsync(id)).Origin);
        // Later events keep it (it is the placement's).
        await _app.DispatchAsync(id, dispatcher);
        await _app.AcceptAsync(id, liaison);
        await _app.CompleteAsync(id, liaison);
        Assert.Equal(OrderOrigin.Direct, (await StateAsync(id)).Origin);
    }

    [Fact]
    public async Task A_state_or_placement_saved_before_origins_were_recorded_reads_as_no_origin_and_a_recorded_one_round_trips()
    {
        var codec = _app.Services.GetRequiredService<OrderStorage>();
        var placed = (OrderPlaced)codec.DeserializeEvent(nameof(OrderPlaced),
            """{"orderId":"GJ261207-AAAAAA","occurredAt":"2026-12-07T08:00:00+08:00","by":{"role":"Resident","id":"r"},"text":"灯坏了","communityId":"dongqili","streetId":"caiyuan","address":"宝盛小区","contact":{"name":"李","phone":"13805381234"},"trackingCodeHash":"h"}""");
        Assert.Null(placed.Origin);
        Assert.Null(OrderState.Evolve(OrderState.Initial, placed).Origin);
        var state = OrderState.Evolve(OrderState.Initial, placed with { Origin = OrderOrigin.GridReport("gr-1") });
        Assert.Equal(OrderOrigin.GridReport("gr-1"), codec.DeserializeState(codec.SerializeState(state)).Origin);
        Assert.Null(codec.DeserializeState(codec.SerializeState(state with { Origin = null })).Origin);
        Assert.False(OrderOrigin.MayBe(OrderOrigin.Direct, OrderOrigin.GridReportKind));
        Assert.False(OrderOrigin.MayBe(OrderOrigin.Deliberation("d"), OrderOrigin.GridReportKind));
        Assert.True(OrderOrigin.MayBe(OrderOrigin.GridReport("gr-1"), OrderOrigin.GridReportKind));
        Assert.True(OrderOrigin.MayBe(null, OrderOrigin.DeliberationKind));
    }

    [Fact]
    public async Task A_report_made_into_an_order_is_its_origin_and_only_an_order_that_may_come_from_a_report_looks_for_one()
    {
        var (dispatcher, worker) = await GridWithWorkerAsync(_app);
        var reportId = (await FiledAsync(_app, worker)).GetProperty("id").GetString()!;
        var orderId = (await (await _app.PostAsync($"/api/grid-reports/{reportId}/order", new { category = "environment" }, dispatcher)).ReadJsonAsync(200))
            .GetProperty("orderId").GetString()!;
        var state = await StateAsync(orderId);
        Assert.Equal(OrderOrigin.GridReport(reportId), state.Origin);

        var inner = new CountingNotifier();
        var link = new GridReportOrderLink(inner, _app.Services.GetRequiredService<GridReportStore>(), _app.Services.GetRequiredService<Gongjian.Functions.Storage.StorageClients>(),
            NullLogger<GridReportOrderLink>.Instance);
        // Recorded as direct: the report's o-{order} row is there, but not looked up; the report stays ordered.
        await link.NotifyAsync(Completed(state, "direct"), state with { Origin = OrderOrigin.Direct }, CancellationToken.None);
        Assert.Equal("ordered", await ReportStatusAsync(reportId, dispatcher));
        // Of a deliberation: no report either.
        await link.NotifyAsync(Completed(state, "deliberation"), state with { Origin = OrderOrigin.Deliberation("dl-x") }, CancellationToken.None);
        Assert.Equal("ordered", await ReportStatusAsync(reportId, dispatcher));
        // Placed before origins were recorded: looked up as before, and the report is closed.
        await link.NotifyAsync(Completed(state, "legacy"), state with { Origin = null }, CancellationToken.None);
        Assert.Equal("closed", await ReportStatusAsync(reportId, dispatcher));
        Assert.Equal(3, inner.Notified); // the notifiers it wraps hear every event either way
    }

    [Fact]
    public async Task A_deliberations_order_is_its_origin_and_only_an_order_that_may_come_from_a_deliberation_looks_for_one()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (id, _) = await ScheduledAsync(_app, dispatcher, _clock.GetUtcNow(), vote: false);
        _clock.Shift(TimeSpan.FromHours(3)); // past the meeting
        await (await _app.PostAsync($"/api/deliberations/{id}/decision", Decision(), dispatcher)).ReadJsonAsync(200);
        var created = await (await _app.PostAsync($"/api/deliberations/{id}/orders", new { contact = new { name = "东七里社区议事会", phone = "05388221234" } }, dispatcher)).ReadJsonAsync(200);
        var orderId = Assert.Single(created.GetProperty("orders").EnumerateArray()).GetProperty("orderId").GetString()!;
        var state = await StateAsync(orderId);
        Assert.Equal(OrderOrigin.Deliberation(id), state.Origin);

        var inner = new CountingNotifier();
        var notifier = new OrderDeliberationNotifier(inner, _app.Services.GetRequiredService<DeliberationProgress>());
        // Recorded as direct, or of a report: the link row is there, but not read; the deliberation is still acting.
        await notifier.NotifyAsync(Completed(state, "direct"), state with { Origin = OrderOrigin.Direct }, CancellationToken.None);
        await notifier.NotifyAsync(Completed(state, "report"), state with { Origin = OrderOrigin.GridReport("gr-x") }, CancellationToken.None);
        Assert.Equal("acting", (await DeliberationAsync(_app, id, dispatcher)).GetProperty("status").GetString());
        // Placed before origins were recorded: the link is read as before and the decision delivered.
        await notifier.NotifyAsync(Completed(state, "legacy"), state with { Origin = null }, CancellationToken.None);
        var delivered = await DeliberationAsync(_app, id, dispatcher);
        Assert.Equal(("delivered", "completed"), (delivered.GetProperty("status").GetString(), delivered.GetProperty("actions")[0].GetProperty("outcome").GetString()));
        Assert.Equal(3, inner.Notified);
    }

    private async Task<OrderState> StateAsync(string orderId) =>
        (await _app.Services.GetRequiredService<OrderStore>().LoadAsync(orderId, CancellationToken.None))!.State;

    private async Task<string?> ReportStatusAsync(string reportId, string key) =>
        (await (await _app.GetAsync($"/api/grid-reports/{reportId}", key)).ReadJsonAsync(200)).GetProperty("status").GetString();

    /// <summary>The order's completion as the relay hands it over (each call its own event id: the commands it runs are keyed by it).</summary>
    private static EventMessage Completed(OrderState s, string tag) => new()
    {
        Id = $"{s.Id}:{s.Version + 1}-{tag}", InstanceId = s.Id, Sequence = s.Version + 1, Type = nameof(OrderCompleted), OccurredAt = DateTimeOffset.UtcNow,
    };

    private sealed class CountingNotifier : INotifier<OrderState>
    {
        public int Notified;
        public Task NotifyAsync(EventMessage message, OrderState state, CancellationToken ct) { Interlocked.Increment(ref Notified); return Task.CompletedTask; }
        public Task RemindAsync(TimerMessage timer, OrderState state, CancellationToken ct) => Task.CompletedTask;
    }
}
