using Gongjian.Domain.Evaluation;
using Gongjian.Domain.Orders;
using Gongjian.Engine;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Indicators;

/// <summary>
/// Keeps the order indicators' projection up to date from the engine's events: an event that changes what a unit is
/// judged on (dispatch, answer, completion, rework, rating, 督办, cancellation) writes the episode it changed — the order's
/// state keeps its episodes (<see cref="OrderState.Episodes"/>) — with its unit's month (a late relay of an older event
/// writes the episode as it is now). A repeated relay writes nothing (each episode's version guards its row).
/// <see cref="RebuildAsync"/> writes every episode of every order again and recomputes their months.
/// </summary>
/// <remarks>It reads histories with a <see cref="HistoryReader{TState,TEvent}"/>, not the order store: the store's relay calls this projection.</remarks>
public sealed class OrderIndicatorProjector(OrderStorage codec, IEngineStorage engineStorage, OrderTallyStore tallies, StorageClients storage,
    ILogger<OrderIndicatorProjector> log)
{
    private static readonly HashSet<string> Moves =
    [
        nameof(OrderDispatched), nameof(OrderAccepted), nameof(OrderDeclined), nameof(DispatchWithdrawn), nameof(OrderCompleted),
        nameof(OrderReopened), nameof(OrderConfirmed), nameof(OrderCancelled), nameof(OrderRejected), nameof(OrderEscalated),
    ];

    private readonly HistoryReader<OrderState, OrderEvent> _histories = new(codec, engineStorage);

    public static bool Changes(EventMessage m) => Moves.Contains(m.Type);

    /// <summary>
    /// After event <paramref name="message"/>: the episodes it (or a later event) changed, from the order's state — no
    /// read. A state saved before the state kept its episodes has none while the order was dispatched: its history is read.
    /// </summary>
    public async Task ProjectAsync(EventMessage message, OrderState state, CancellationToken ct)
    {
        if (state.Episodes.Count == 0 && (state.UnitId is not null || state.DeclinedUnitIds.Count > 0))
        {
            await ProjectAsync(state.Id, rebuild: false, ct);
            return;
        }
        foreach (var e in state.Episodes)
            if (e.Version >= message.Sequence) await tallies.ProjectAsync(e, rebuild: false, ct);
    }

    /// <summary>Projects the order's episodes that changed (all of them when <paramref name="rebuild"/>), folded from its history; answers how many rows were written.</summary>
    public async Task<int> ProjectAsync(string orderId, bool rebuild, CancellationToken ct)
    {
        if (await _histories.ReadAsync(orderId, ct) is not { } history) return 0;
        var written = 0;
        foreach (var e in DispatchEpisodes.From(history.Events))
            if (await tallies.ProjectAsync(e, rebuild, ct)) written++;
        return written;
    }

    /// <summary>Every order's every episode written again (after a definition changed, or to check the projection).</summary>
    public async Task<(int Orders, int Episodes)> RebuildAsync(CancellationToken ct)
    {
        var (count, episodes) = (0, 0);
        var filter = "RowKey ge 'state-' and RowKey lt 'state.'";
        await foreach (var row in storage.Table(TableNames.Orders).QueryAsync<Azure.Data.Tables.TableEntity>(filter, select: ["PartitionKey"], cancellationToken: ct))
        {
            count++;
            episodes += await ProjectAsync(row.PartitionKey, rebuild: true, ct);
        }
        log.LogInformation("Indicators rebuilt from {Orders} orders ({Episodes} episode rows written)", count, episodes);
        return (count, episodes);
    }
}

/// <summary>The order module's notifier that first keeps the indicators' projection; a failure leaves the outbox row for the sweeper.</summary>
public sealed class IndicatorNotifier(INotifier<OrderState> inner, OrderIndicatorProjector projector) : INotifier<OrderState>
{
    public async Task NotifyAsync(EventMessage message, OrderState state, CancellationToken ct)
    {
        if (OrderIndicatorProjector.Changes(message)) await projector.ProjectAsync(message, state, ct);
        await inner.NotifyAsync(message, state, ct);
    }

    public Task RemindAsync(TimerMessage timer, OrderState state, CancellationToken ct) => inner.RemindAsync(timer, state, ct);
}

public static class IndicatorServices
{
    /// <summary>The projection and its API's store; the order notifier registered so far (records, notices) is wrapped so the projection comes first.</summary>
    public static IServiceCollection AddOrderIndicators(this IServiceCollection services)
    {
        services.AddSingleton<OrderTallyStore>();
        services.AddSingleton<OrderIndicatorProjector>();
        return services.WrapNotifier<OrderState>((sp, inner) => new IndicatorNotifier(inner, sp.GetRequiredService<OrderIndicatorProjector>()));
    }
}
