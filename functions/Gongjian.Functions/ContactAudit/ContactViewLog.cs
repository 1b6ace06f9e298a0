using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.ContactAudit;

/// <summary>
/// PIPL audit of unmasked contact views (table <c>contactviews</c>, PartitionKey = order id, RowKey =
/// inverted ticks and a random suffix, so an order's views read newest first in one partition query).
/// A row names the staff key (id, role, scope, name), when, and through what (the console's session or
/// a bearer key); never the phone or address that was shown.
/// </summary>
public sealed class ContactViewLog(StorageClients storage, TimeProvider clock)
{
    private readonly TableClient _table = storage.ContactViews;

    public const string ViaConsole = "console";
    public const string ViaApi = "api";

    public sealed record Entry(DateTimeOffset At, string KeyId, ActorRole Role, string Scope, string Name, string Via);

    public async Task RecordAsync(string orderId, Caller caller, string via, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var rowKey = $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}-{Guid.NewGuid():N}"[..32];
        await _table.AddEntityAsync(new TableEntity(orderId, rowKey)
        {
            ["At"] = at, ["KeyId"] = caller.KeyId, ["Role"] = Caller.RoleCode(caller.Role), ["Scope"] = caller.Scope,
            ["Name"] = caller.Name, ["Via"] = via,
        }, ct);
    }

    /// <summary>The order's views, newest first (at most <paramref name="max"/>).</summary>
    public async Task<IReadOnlyList<Entry>> ListAsync(string orderId, int max, CancellationToken ct)
    {
        var found = new List<Entry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {orderId}"), maxPerPage: max, cancellationToken: ct))
        {
            Caller.TryParseStaffRole(row.GetString("Role"), out var role);
            found.Add(new Entry(row.GetDateTimeOffset("At") ?? default, row.GetString("KeyId") ?? "", role, row.GetString("Scope") ?? "",
                row.GetString("Name") ?? "", row.GetString("Via") ?? ViaApi));
            if (found.Count >= max) break;
        }
        return found;
    }

    /// <summary>Through what the caller asked: the console's session cookie, or a bearer key (scripts, other clients).</summary>
    public static string ViaOf(HttpContext context) =>
        context.Request.Headers.Authorization.Count == 0 && context.SessionLookup() is { Session: not null } ? ViaConsole : ViaApi;
}
