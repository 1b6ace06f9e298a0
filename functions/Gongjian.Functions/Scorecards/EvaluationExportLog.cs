using Azure.Data.Tables;
using Gongjian.Functions.Access;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Scorecards;

/// <summary>One evaluation export: who (role, key id, name), when, what (indicators or scorecard), which street, period and scope, and the file's name.</summary>
public sealed record EvaluationExport(string StreetId, string What, string Period, string? UnitId, string? CommunityId, string Role, string KeyId, string By,
    string FileName, DateTimeOffset At);

/// <summary>
/// Table <c>evalexports</c>: every .xlsx export of the indicators or a scorecard, partition the street, row key newest
/// first (inverted ticks, then a random suffix). Written before the file is answered, so no file leaves unrecorded.
/// </summary>
public sealed class EvaluationExportLog(StorageClients storage)
{
    private readonly TableClient _table = storage.Table(TableNames.EvalExports);

    public async Task WriteAsync(EvaluationExport e, CancellationToken ct)
    {
        var row = new TableEntity(e.StreetId, $"{DateTimeOffset.MaxValue.UtcTicks - e.At.UtcTicks:D19}_{Guid.NewGuid():N}"[..28])
        {
            ["What"] = e.What, ["Period"] = e.Period, ["UnitId"] = e.UnitId, ["CommunityId"] = e.CommunityId, ["Role"] = e.Role, ["KeyId"] = e.KeyId,
            ["By"] = e.By, ["FileName"] = e.FileName, ["At"] = e.At,
        };
        await _table.AddEntityAsync(row, ct);
    }

    public static EvaluationExport Of(Caller caller, string street, string what, string period, string? unit, string? community, string fileName, DateTimeOffset at) =>
        new(street, what, period, unit, community, Caller.RoleCode(caller.Role), caller.KeyId, caller.Name, fileName, at);

    /// <summary>A street's exports, newest first (at most <paramref name="take"/>).</summary>
    public async Task<List<EvaluationExport>> ReadAsync(string streetId, int take, CancellationToken ct)
    {
        var list = new List<EvaluationExport>();
        await foreach (var r in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {streetId}"), maxPerPage: take, cancellationToken: ct))
        {
            list.Add(new EvaluationExport(r.PartitionKey, r.GetString("What") ?? "", r.GetString("Period") ?? "", r.GetString("UnitId"), r.GetString("CommunityId"),
                r.GetString("Role") ?? "", r.GetString("KeyId") ?? "", r.GetString("By") ?? "", r.GetString("FileName") ?? "", r.GetDateTimeOffset("At") ?? default));
            if (list.Count == take) break;
        }
        return list;
    }
}
