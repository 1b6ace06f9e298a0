using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;

namespace Gongjian.Bot.Storage;

public enum RedeemOutcome { Bound, Unknown, Expired, Used }

/// <summary>A code staff issued for a unit: shown once, stored only as a hash.</summary>
public sealed record IssuedBindingCode(string Code, string UnitId, string UnitName, DateTimeOffset ExpiresAt);

/// <summary>
/// One-time codes that bind a liaison's conversation to a unit (table <c>botlinks</c>, partition
/// <c>b.{sha256(code)}</c>). Redeeming marks the row used with If-Match on its ETag, so two
/// conversations racing for one code cannot both win.
/// </summary>
public sealed class BindingCodes(BotTables tables, TimeProvider clock)
{
    private readonly TableClient _table = tables.Links;

    public async Task<IssuedBindingCode> IssueAsync(string unitId, string unitName, string issuedBy, TimeSpan lifetime, CancellationToken ct)
    {
        while (true)
        {
            var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
            var expiresAt = clock.GetUtcNow() + lifetime;
            var key = Key(code);
            try
            {
                await _table.AddEntityAsync(new TableEntity(key, key)
                {
                    ["UnitId"] = unitId, ["UnitName"] = unitName, ["IssuedBy"] = issuedBy, ["ExpiresAt"] = expiresAt,
                }, ct);
                return new IssuedBindingCode(code, unitId, unitName, expiresAt);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // The same six digits are out already (used or not): draw again rather than reuse a row.
            }
        }
    }

    public async Task<(RedeemOutcome Outcome, string? UnitId, string? UnitName)> RedeemAsync(string code, string usedBy, CancellationToken ct)
    {
        var key = Key(code);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(key, key, cancellationToken: ct);
        if (!row.HasValue) return (RedeemOutcome.Unknown, null, null);
        var entity = row.Value!;
        if (entity.GetDateTimeOffset("UsedAt") is not null) return (RedeemOutcome.Used, null, null);
        if (entity.GetDateTimeOffset("ExpiresAt") is not { } expires || expires <= clock.GetUtcNow()) return (RedeemOutcome.Expired, null, null);
        entity["UsedAt"] = clock.GetUtcNow();
        entity["UsedBy"] = usedBy;
        try
        {
            await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return (RedeemOutcome.Used, null, null);
        }
        return (RedeemOutcome.Bound, entity.GetString("UnitId"), entity.GetString("UnitName"));
    }

    private static string Key(string code) => "b." + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(code)));
}
