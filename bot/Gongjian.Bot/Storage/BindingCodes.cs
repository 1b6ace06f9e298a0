using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;

namespace Gongjian.Bot.Storage;

public enum RedeemOutcome { Bound, Unknown, Expired, Used }

public enum BindingKind { Unit, GridWorker }

/// <summary>
/// What a code binds a conversation to: a unit (<see cref="Id"/> = the unit's id, <see cref="Name"/> its name) or a grid
/// worker (<see cref="Id"/> = the worker's staff key id, <see cref="Name"/> the worker's name, with the grid's id and name).
/// </summary>
public sealed record BindingTarget(BindingKind Kind, string Id, string Name, string? GridId = null, string? GridName = null)
{
    public static BindingTarget Unit(string unitId, string unitName) => new(BindingKind.Unit, unitId, unitName);

    public static BindingTarget GridWorker(string keyId, string workerName, string gridId, string gridName) =>
        new(BindingKind.GridWorker, keyId, workerName, gridId, gridName);
}

/// <summary>A code staff issued for a unit or a grid worker: shown once, stored only as a hash.</summary>
public sealed record IssuedBindingCode(string Code, BindingTarget Target, DateTimeOffset ExpiresAt)
{
    public string UnitId => Target.Id;
    public string UnitName => Target.Name;
}

/// <summary>
/// One-time codes that bind a liaison's conversation to a unit, or a grid worker's to the worker and its grid (table <c>botlinks</c>, partition
/// <c>b.{sha256(code)}</c>). Redeeming marks the row used with If-Match on its ETag, so two
/// conversations racing for one code cannot both win.
/// </summary>
public sealed class BindingCodes(BotTables tables, TimeProvider clock)
{
    private readonly TableClient _table = tables.Links;

    public Task<IssuedBindingCode> IssueAsync(string unitId, string unitName, string issuedBy, TimeSpan lifetime, CancellationToken ct) =>
        IssueAsync(BindingTarget.Unit(unitId, unitName), issuedBy, lifetime, ct);

    public async Task<IssuedBindingCode> IssueAsync(BindingTarget target, string issuedBy, TimeSpan lifetime, CancellationToken ct)
    {
        while (true)
        {
            var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
            var expiresAt = clock.GetUtcNow() + lifetime;
            var key = Key(code);
            try
            {
                await _table.AddEntityAsync(Row(key, target, issuedBy, expiresAt), ct);
                return new IssuedBindingCode(code, target, expiresAt);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // The same six digits are out already (used or not): draw again rather than reuse a row.
            }
        }
    }

    public async Task<(RedeemOutcome Outcome, BindingTarget? Target)> RedeemAsync(string code, string usedBy, CancellationToken ct)
    {
        var key = Key(code);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(key, key, cancellationToken: ct);
        if (!row.HasValue) return (RedeemOutcome.Unknown, null);
        var entity = row.Value!;
        if (entity.GetDateTimeOffset("UsedAt") is not null) return (RedeemOutcome.Used, null);
        if (entity.GetDateTimeOffset("ExpiresAt") is not { } expires || expires <= clock.GetUtcNow()) return (RedeemOutcome.Expired, null);
        entity["UsedAt"] = clock.GetUtcNow();
        entity["UsedBy"] = usedBy;
        try
        {
            await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return (RedeemOutcome.Used, null);
        }
        return (RedeemOutcome.Bound, Target(entity));
    }

    /// <summary>A unit's code keeps the columns it always had (UnitId, UnitName); a grid worker's says so in <c>Kind</c>.</summary>
    private static TableEntity Row(string key, BindingTarget target, string issuedBy, DateTimeOffset expiresAt)
    {
        var row = new TableEntity(key, key) { ["IssuedBy"] = issuedBy, ["ExpiresAt"] = expiresAt };
        if (target.Kind == BindingKind.Unit)
        {
            row["UnitId"] = target.Id;
            row["UnitName"] = target.Name;
        }
        else
        {
            row["Kind"] = "gridworker";
            row["KeyId"] = target.Id;
            row["WorkerName"] = target.Name;
            row["GridId"] = target.GridId;
            row["GridName"] = target.GridName;
        }
        return row;
    }

    private static BindingTarget Target(TableEntity row) => row.GetString("Kind") == "gridworker"
        ? BindingTarget.GridWorker(row.GetString("KeyId") ?? "", row.GetString("WorkerName") ?? "", row.GetString("GridId") ?? "", row.GetString("GridName") ?? "")
        : BindingTarget.Unit(row.GetString("UnitId") ?? "", row.GetString("UnitName") ?? "");

    private static string Key(string code) => "b." + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(code)));
}
