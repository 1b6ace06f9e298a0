using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Workflow;

namespace Gongjian.Engine;

/// <summary>One module's list rebuild, for the <c>lists rebuild</c> verb (every module registers one).</summary>
public interface IListRebuild
{
    string Module { get; }

    Task<ListRebuildResult> RebuildAsync(CancellationToken ct);
}

/// <param name="Instances">Instances listed, read from their state rows.</param>
/// <param name="Hidden">Live rows no instance's placement puts where they are (an earlier list layout, a lost tombstone), now tombstones.</param>
public sealed record ListRebuildResult(string Module, int Instances, int Hidden);

/// <summary>
/// Writes every instance's list rows again from its state, where the module places them now, and turns every other live
/// row of the list table into a tombstone. This is the migration after a module changes its list layout (orders moved
/// their lists into the street's partition) and a repair after anything else: rows already right are not written (the
/// version decides, <see cref="ListWriter"/>). Tombstones, not deletes: a relay still running for an older version
/// cannot bring a hidden row back. Safe while the app runs; it reads the whole module table once.
/// </summary>
public sealed class ListRebuild<TState, TCommand, TEvent>(Module<TState, TCommand, TEvent> module, ModuleStorage<TState, TEvent> codec, IEngineStorage storage)
    : IListRebuild where TState : class where TCommand : class where TEvent : class
{
    public string Module => module.Name;

    public async Task<ListRebuildResult> RebuildAsync(CancellationToken ct)
    {
        if (codec.ListTable is not { } name) return new(module.Name, 0, 0);
        var lists = storage.Table(name);
        var writer = new ListWriter(lists);
        var placed = new HashSet<(string, string)>();
        var instances = 0;
        var states = TableClient.CreateQueryFilter($"RowKey ge {StreamRows.StateKey("")} and RowKey lt {"state."}");
        await foreach (var row in storage.Table(codec.Table).QueryAsync<TableEntity>(states, select: ["State"], cancellationToken: ct))
        {
            if (row.GetString("State") is not { Length: > 0 } json) continue;
            var state = codec.DeserializeState(json);
            if (module.Lists(state) is not { } placement) continue;
            await writer.WriteAsync(placement, [], [], module.VersionOf(state), ct);
            foreach (var list in placement.Partitions) placed.Add(ListAddress.RowOf(list, placement.RowKey));
            instances++;
        }

        var hidden = 0;
        await foreach (var row in lists.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Removed eq false"), select: ["PartitionKey", "RowKey", "Version"], cancellationToken: ct))
        {
            if (placed.Contains((row.PartitionKey, row.RowKey))) continue;
            try
            {
                var tombstone = new TableEntity(row.PartitionKey, row.RowKey) { ["Removed"] = true, ["Version"] = row.GetInt32("Version") ?? 0 };
                await lists.UpdateEntityAsync(tombstone, row.ETag, TableUpdateMode.Replace, ct);
                hidden++;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Written or removed since it was read: whoever did it knew the row's place better than this pass.
            }
        }
        return new(module.Name, instances, hidden);
    }
}
