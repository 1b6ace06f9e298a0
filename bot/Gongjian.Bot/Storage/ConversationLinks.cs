using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Gongjian.Bot.Activities;

namespace Gongjian.Bot.Storage;

/// <summary>
/// Who to message about what (table <c>botlinks</c>): the conversations bound to a unit
/// (partition <c>u.{unitId}</c>, one row per conversation), those bound to a grid's worker (<c>g.{gridId}</c>), and the conversation that placed an
/// order (partition <c>o.{orderId}</c>). Each row holds the conversation reference.
/// </summary>
public sealed class ConversationLinks(BotTables tables)
{
    private readonly TableClient _table = tables.Links;

    public Task BindUnitAsync(string unitId, ConversationReference reference, CancellationToken ct) => BindAsync("u." + unitId, reference, ct);

    public Task UnbindUnitAsync(string unitId, ConversationReference reference, CancellationToken ct) => UnbindAsync("u." + unitId, reference, ct);

    public Task<IReadOnlyList<ConversationReference>> UnitConversationsAsync(string unitId, CancellationToken ct) => BoundAsync("u." + unitId, ct);

    public Task BindGridAsync(string gridId, ConversationReference reference, CancellationToken ct) => BindAsync("g." + gridId, reference, ct);

    public Task UnbindGridAsync(string gridId, ConversationReference reference, CancellationToken ct) => UnbindAsync("g." + gridId, reference, ct);

    /// <summary>The conversations bound to a worker of this grid (where the grid's report outcomes are told).</summary>
    public Task<IReadOnlyList<ConversationReference>> GridConversationsAsync(string gridId, CancellationToken ct) => BoundAsync("g." + gridId, ct);

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

    private Task BindAsync(string partition, ConversationReference reference, CancellationToken ct) =>
        _table.UpsertEntityAsync(Row(partition, TableKeys.Hash(reference.Key), reference), TableUpdateMode.Replace, ct);

    private Task UnbindAsync(string partition, ConversationReference reference, CancellationToken ct) =>
        _table.DeleteEntityAsync(partition, TableKeys.Hash(reference.Key), ETag.All, ct);

    private async Task<IReadOnlyList<ConversationReference>> BoundAsync(string partition, CancellationToken ct)
    {
        var found = new List<ConversationReference>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) found.Add(Read(row));
        return found;
    }

    private static TableEntity Row(string pk, string rk, ConversationReference reference) =>
        new(pk, rk) { ["Reference"] = JsonSerializer.Serialize(reference, BotJson.Default.ConversationReference) };

    private static ConversationReference Read(TableEntity row) =>
        JsonSerializer.Deserialize(row.GetString("Reference"), BotJson.Default.ConversationReference)!;
}
