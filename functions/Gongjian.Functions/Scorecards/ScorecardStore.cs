using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Http;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Scorecards;

/// <summary>
/// 年度评议 storage, partition <c>{street}_{year}</c> in each table: <c>evalschemes</c> (row <c>v0001</c>, … : every
/// version of the year's scheme, never replaced), <c>evalmanual</c> (row = unit: the manual points) and
/// <c>evalresults</c> (row <c>published</c>: the frozen scorecard, added once — a second publish is a conflict).
/// </summary>
public sealed class ScorecardStore(StorageClients storage)
{
    private const int Chunk = 30_000;
    private const string PublishedRow = "published";

    private readonly TableClient _schemes = storage.Table(TableNames.EvalSchemes);
    private readonly TableClient _manual = storage.Table(TableNames.EvalManual);
    private readonly TableClient _results = storage.Table(TableNames.EvalResults);

    public static string Partition(string streetId, int year) => $"{streetId}_{year}";

    public async Task<List<EvaluationScheme>> SchemesAsync(string streetId, int year, CancellationToken ct)
    {
        var list = new List<EvaluationScheme>();
        await foreach (var r in _schemes.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(streetId, year)}"), cancellationToken: ct))
            list.Add(JsonSerializer.Deserialize(Get(r, "Scheme"), ScorecardJson.Web.EvaluationScheme)!);
        return [.. list.OrderBy(s => s.Version)];
    }

    /// <summary>Adds the scheme as a new version; another version written first with the same number is <c>409 scheme_changed</c>.</summary>
    public async Task AddSchemeAsync(EvaluationScheme scheme, CancellationToken ct)
    {
        var row = new TableEntity(Partition(scheme.StreetId, scheme.Year), $"v{scheme.Version:D4}");
        Put(row, "Scheme", JsonSerializer.Serialize(scheme, ScorecardJson.Web.EvaluationScheme));
        try { await _schemes.AddEntityAsync(row, ct); }
        catch (RequestFailedException x) when (x.Status == 409)
        {
            throw ApiProblem.Conflict("scheme_changed", "评议方案刚被他人修改，请刷新后再改。");
        }
    }

    public async Task<Dictionary<string, double>> ManualAsync(string streetId, int year, CancellationToken ct)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        await foreach (var r in _manual.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(streetId, year)}"), cancellationToken: ct))
            scores[r.RowKey] = r.GetDouble("Score") ?? 0;
        return scores;
    }

    public Task SetManualAsync(string streetId, int year, string unitId, double score, string by, DateTimeOffset at, CancellationToken ct) =>
        _manual.UpsertEntityAsync(new TableEntity(Partition(streetId, year), unitId) { ["Score"] = score, ["By"] = by, ["At"] = at }, TableUpdateMode.Replace, ct);

    public async Task<ScorecardView?> PublishedAsync(string streetId, int year, CancellationToken ct)
    {
        var row = await _results.GetEntityIfExistsAsync<TableEntity>(Partition(streetId, year), PublishedRow, cancellationToken: ct);
        return row.HasValue ? JsonSerializer.Deserialize(Get(row.Value!, "Scorecard"), ScorecardJson.Web.ScorecardView) : null;
    }

    /// <summary>
    /// Freezes the scorecard with its traces; a year already published is <c>409 year_published</c> and keeps its first
    /// result. The traces are written first, under a set id of their own (rows <c>trace:{set}:{unit}:{indicator}:{part}</c>,
    /// at most <see cref="TraceItemsPerRow"/> items a row, in transactions), and the published row names the set: a publish
    /// that fails half-way, or loses to another, leaves rows no result points to.
    /// </summary>
    public async Task PublishAsync(ScorecardView card, IReadOnlyList<TraceView> traces, CancellationToken ct)
    {
        var partition = Partition(card.StreetId, card.Year);
        var set = Guid.NewGuid().ToString("N")[..12];
        var rows = traces.SelectMany(t => t.Items.Chunk(TraceItemsPerRow).DefaultIfEmpty([]).Select((items, part) =>
        {
            var traceRow = new TableEntity(partition, $"{TracePrefix(set, t.UnitId, t.Indicator)}{part:D4}");
            Put(traceRow, "Trace", JsonSerializer.Serialize(t with { Items = items }, ScorecardJson.Web.TraceView));
            return traceRow;
        }));
        foreach (var batch in rows.Chunk(25)) // ≤ 25 × ≈ 75 KB: inside a transaction's 4 MB
            await _results.SubmitTransactionAsync([.. batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r))], ct);
        var row = new TableEntity(partition, PublishedRow) { ["SchemeVersion"] = card.SchemeVersion, ["TraceSet"] = set };
        Put(row, "Scorecard", JsonSerializer.Serialize(card, ScorecardJson.Web.ScorecardView));
        try { await _results.AddEntityAsync(row, ct); }
        catch (RequestFailedException x) when (x.Status == 409)
        {
            throw YearPublished();
        }
    }

    /// <summary>Items of a trace per stored row (≈ 150 characters each, so a row stays well inside a property's and an entity's size).</summary>
    public const int TraceItemsPerRow = 150;

    private static string TracePrefix(string set, string unitId, string indicator) => $"trace:{set}:{unitId}:{indicator}:";

    /// <summary>
    /// A unit's trace of an indicator as it was when the year was published (the records and dispatches then, with what
    /// each added); null when the year is not published, or was published without it (before traces were kept, or an
    /// indicator its scheme did not score).
    /// </summary>
    public async Task<TraceView?> PublishedTraceAsync(string streetId, int year, string unitId, string indicator, CancellationToken ct)
    {
        var partition = Partition(streetId, year);
        var published = await _results.GetEntityIfExistsAsync<TableEntity>(partition, PublishedRow, ["TraceSet"], ct);
        if (!published.HasValue || published.Value!.GetString("TraceSet") is not { } set) return null;
        var prefix = TracePrefix(set, unitId, indicator);
        TraceView? trace = null;
        var items = new List<TraceItem>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix + "0000"} and RowKey le {prefix + "9999"}");
        await foreach (var r in _results.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var part = JsonSerializer.Deserialize(Get(r, "Trace"), ScorecardJson.Web.TraceView)!;
            trace ??= part;
            items.AddRange(part.Items);
        }
        return trace is null ? null : trace with { Items = items };
    }

    public static ApiProblem YearPublished() => ApiProblem.Conflict("year_published", "该年度的评议成绩已经发布，不能再修改；新的方案请用于下一年度。");

    private static void Put(TableEntity row, string name, string value)
    {
        for (int i = 0, n = 0; i < value.Length || n == 0; i += Chunk, n++)
            row[n == 0 ? name : $"{name}{n}"] = value.Substring(i, Math.Min(Chunk, value.Length - i));
    }

    private static string Get(TableEntity row, string name)
    {
        var text = new StringBuilder(row.GetString(name) ?? "");
        for (var n = 1; row.GetString($"{name}{n}") is { } more; n++) text.Append(more);
        return text.ToString();
    }
}
