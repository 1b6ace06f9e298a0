using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Gongjian.Bot.Activities;

namespace Gongjian.Bot.Storage;

/// <summary>
/// Who to message about what (table <c>botlinks</c>): the conversations bound to a unit
/// (partition <c>u.{unitId}</c>, one row per conversation), those bound to a grid's worker (<c>g.{gridId}</c>, with the worker's
/// key id), and the conversation that placed an order (partition <c>o.{orderId}</c>). Each row holds the conversation reference.
/// </summary>
public sealed class ConversationLinks(BotTables tables)
{
    private readonly TableClient _table = tables.Links;

    public Task BindUnitAsync(string unitId, ConversationReference reference, CancellationToken ct) => BindAsync("u." + unitId, reference, ct);

    public Task UnbindUnitAsync(string unitId, ConversationReference reference, CancellationToken ct) => UnbindAsync("u." + unitId, reference, ct);

    public Task<IReadOnlyList<ConversationReference>> UnitConversationsAsync(string unitId, CancellationToken ct) => BoundAsync("u." + unitId, ct);

    /// <summary>Binds the conversation to the grid's worker whose key is <paramref name="keyId"/> (kept on the row: whose reports it follows).</summary>
    public Task BindGridAsync(string gridId, string keyId, ConversationReference reference, CancellationToken ct) => BindAsync("g." + gridId, reference, ct, keyId);

    public Task UnbindGridAsync(string gridId, ConversationReference reference, CancellationToken ct) => UnbindAsync("g." + gridId, reference, ct);

    /// <summary>
    /// The conversations bound to this grid's worker with key <paramref name="keyId"/> (where that worker's report outcomes
    /// are told); with no key, those of every worker of the grid. A conversation bound before the key was kept on its row
    /// counts as any worker's.
    /// </summary>
    public async Task<IReadOnlyList<ConversationReference>> GridConversationsAsync(string gridId, string? keyId, CancellationToken ct) =>
        [.. (await BoundRowsAsync("g." + gridId, ct)).Where(r => keyId is null || r.GetString("KeyId") is not { } bound || bound == keyId).Select(Read)];

    public Task LinkOrderAsync(string orderId, ConversationReference reference, CancellationToken ct) =>
        _table.UpsertEntityAsync(Row("o." + orderId, "o." + orderId, reference), TableUpdateMode.Replace, ct);

    /// <summary>Forgets which conversation placed an order (it ended: there is nobody to tell any more).</summary>
    public Task ForgetOrderAsync(string orderId, CancellationToken ct) =>
        _table.DeleteEntityAsync("o." + orderId, "o." + orderId, ETag.All, ct);

    public async Task<ConversationReference?> OrderConversationAsync(string orderId, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>("o." + orderId, "o." + orderId, cancellationToken: ct);
        return row.HasValue ? Read(row.Value!) : null;
    }

    private Task BindAsync(string partition, ConversationReference reference, CancellationToken ct, string? keyId = null) =>
        _table.UpsertEntityAsync(Row(partition, TableKeys.Hash(reference.Key), reference, keyId), TableUpdateMode.Replace, ct);

    private Task UnbindAsync(string partition, ConversationReference reference, CancellationToken ct) =>
        _table.DeleteEntityAsync(partition, TableKeys.Hash(reference.Key), ETag.All, ct);

    private async Task<IReadOnlyList<ConversationReference>> BoundAsync(string partition, CancellationToken ct) =>
        [.. (await BoundRowsAsync(partition, ct)).Select(Read)];

    private async Task<List<TableEntity>> BoundRowsAsync(string partition, CancellationToken ct)
    {
        var found = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) found.Add(row);
        return found;
    }

    private static TableEntity Row(string pk, string rk, ConversationReference reference, string? keyId = null)
    {
        var row = new TableEntity(pk, rk) { ["Reference"] = JsonSerializer.Serialize(reference, BotJson.Default.ConversationReference) };
        if (keyId is not null) row["KeyId"] = keyId;
        return row;
    }

    private static ConversationReference Read(TableEntity row) =>
        JsonSerializer.Deserialize(row.GetString("Reference"), BotJson.Default.ConversationReference)!;
}
