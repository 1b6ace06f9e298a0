using Gongjian.Functions.Orders;
using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Tests.Reliability;

/// <summary>Reads every order straight from storage and lists what is inconsistent.</summary>
public sealed class ConsistencyCheck(AzuriteFixture azurite, string prefix)
{
    private readonly StorageClients _storage = new(new StorageSettings { ConnectionString = azurite.ConnectionString },
        Options.Create(new StorageOptions { Prefix = prefix }));

    public sealed record Snapshot(Dictionary<string, OrderState> States, Dictionary<string, List<OrderEvent>> Events, int OutboxRows, int IndexMismatches);

    public async Task<Snapshot> ReadAsync()
    {
        var states = new Dictionary<string, OrderState>();
        var events = new Dictionary<string, List<(int Seq, OrderEvent E)>>();
        var outbox = 0;
        await foreach (var row in _storage.Orders.QueryAsync<TableEntity>())
        {
            if (row.RowKey.StartsWith("state-", StringComparison.Ordinal)) states[row.PartitionKey] = OrderJson.DeserializeState(row.GetString("State"));
            else if (row.RowKey.StartsWith("event-", StringComparison.Ordinal))
            {
                var list = events.TryGetValue(row.PartitionKey, out var l) ? l : events[row.PartitionKey] = [];
                list.Add((int.Parse(row.RowKey[6..]), OrderJson.DeserializeEvent(row.GetString("Type"), row.GetString("Data"))));
            }
            else if (row.RowKey.StartsWith("outbox-", StringComparison.Ordinal)) outbox++;
        }
        var index = new Dictionary<string, (string Status, int Version)>();
        // The community lists (rows c-{community}|… in the street's partition).
        await foreach (var row in _storage.OrderIndex.QueryAsync<TableEntity>(e => e.RowKey.CompareTo("c-") >= 0 && e.RowKey.CompareTo("c.") < 0))
            index[row.GetString("OrderId")] = (row.GetString("Status"), row.GetInt32("Version") ?? 0);
        var mismatches = states.Count(s => !index.TryGetValue(s.Key, out var i) || i.Version != s.Value.Version || i.Status != s.Value.Status.Code());
        return new Snapshot(states, events.ToDictionary(e => e.Key, e => e.Value.OrderBy(x => x.Seq).Select(x => x.E).ToList()), outbox, mismatches);
    }

    /// <summary>Every order's events are a gapless sequence that replays to exactly its state row.</summary>
    public static IEnumerable<string> ReplayProblems(Snapshot s)
    {
        foreach (var (id, state) in s.States)
        {
            var history = s.Events.GetValueOrDefault(id) ?? [];
            var replayed = OrderState.Replay(history);
            if (replayed.Version != state.Version || replayed.Status != state.Status || replayed.UnitId != state.UnitId)
                yield return $"{id}: state v{state.Version} {state.Status} but events replay to v{replayed.Version} {replayed.Status}";
        }
        foreach (var orphan in s.Events.Keys.Except(s.States.Keys)) yield return $"{orphan}: events without a state row";
    }
}
