using Azure.Data.Tables;

namespace Gongjian.Engine;

/// <summary>
/// Reads an instance's state, full history and journal notes in one partition query. Needs only the storage and the
/// module's codec, so a projection fed by the module's own relay can read histories without depending on the store.
/// </summary>
public sealed class HistoryReader<TState, TEvent>(ModuleStorage<TState, TEvent> codec, IEngineStorage storage)
    where TState : class where TEvent : class
{
    private readonly TableClient _table = storage.Table(codec.Table);

    public async Task<History<TState, TEvent>?> ReadAsync(string id, CancellationToken ct)
    {
        TState? state = null;
        var events = new List<TEvent>();
        var notes = new List<JournalNote>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: ct))
        {
            if (row.RowKey.StartsWith(StreamRows.EventPrefix, StringComparison.Ordinal)) events.Add(StreamRows.ReadEvent(codec, row));
            else if (row.RowKey.StartsWith(StreamRows.NotePrefix, StringComparison.Ordinal)) notes.Add(Journal.Read(row));
            else if (row.RowKey == StreamRows.StateKey(id)) state = codec.DeserializeState(row.GetString("State") ?? "");
        }
        return state is null ? null : new History<TState, TEvent>(state, events, notes);
    }
}
