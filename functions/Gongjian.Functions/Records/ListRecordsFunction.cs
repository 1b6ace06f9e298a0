using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Records;

public sealed record RecordCount(string Kind, string KindText, int Count);
public sealed record UnitRecords(string UnitId, string? UnitName, int Total, double Hours, IReadOnlyList<RecordCount> Kinds);
/// <summary>A person claimer (party member, volunteer) by key only: staff of the street count them without a name.</summary>
public sealed record PersonRecords(string PersonKey, string ClaimerKind, int Total, double Hours);
public sealed record RecordItem(string Id, string Kind, string KindText, string SourceId, string Title, string? CommunityId, string? UnitId,
    string? UnitName, string ClaimerKind, string? PersonKey, int? Rating, double? Hours, DateTimeOffset At);
public sealed record RecordsView(string StreetId, int Year, string? UnitId, int Total, IReadOnlyList<RecordCount> Kinds,
    IReadOnlyList<UnitRecords> Units, IReadOnlyList<PersonRecords> Persons, IReadOnlyList<RecordItem> Items);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(RecordsView))]
public sealed partial class RecordsJson : JsonSerializerContext
{
    public static RecordsJson Web => s_web ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static RecordsJson? s_web;
}

/// <summary>
/// 评议记录: a street's records of a year for the annual evaluation, counted by kind, unit and person, with the list.
/// Organizer: its street (any unit of it); dispatcher: the units serving its community, and the persons who fulfilled
/// its community's wishes; liaison: its own unit; admin: any street (named). Persons appear by key only, and only to
/// the street's organizer and dispatchers.
/// </summary>
public static class ListRecordsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "records");

    public static async Task<IResult> Run(HttpContext context, RecordBook book, CommunityDirectory directory, TimeProvider clock)
    {
        var caller = context.RequireStaff();
        var q = context.Request.Query;
        string? Param(params string[] names) => names.Select(n => q[n].ToString()).FirstOrDefault(v => v.Length > 0);
        var ct = context.RequestAborted;
        var snapshot = await directory.GetAsync(ct);
        var (street, unit, community) = (Param("street", "streetId"), Param("unit", "unitId"), Param("community", "communityId"));

        var year = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        if (Param("year") is { } yearText && (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < 2000 or > 2100))
            throw ApiProblem.BadRequest("invalid_year", "年份取值不正确。", "year");
        var scope = EvaluationScope.Resolve(caller, snapshot, street, unit, community, "评议记录");
        (street, unit) = (scope.StreetId, scope.UnitId);
        var records = (await book.ReadAsync(street, year, unit, ct)).Where(r => scope.Sees(r.UnitId, r.CommunityId)).OrderByDescending(r => r.At).ToList();
        return Results.Json(ToView(street, year, unit, records), RecordsJson.Web.RecordsView);
    }

    public static RecordsView ToView(string street, int year, string? unit, IReadOnlyList<EvaluationRecord> records) => new(
        street, year, unit, records.Count, Counts(records),
        records.Where(r => r.UnitId is not null).GroupBy(r => r.UnitId!)
            .Select(g => new UnitRecords(g.Key, g.First().UnitName, g.Count(), g.Sum(r => r.Hours ?? 0), Counts(g))).OrderByDescending(u => u.Total).ThenBy(u => u.UnitId, StringComparer.Ordinal).ToList(),
        records.Where(r => r.PersonKey is not null).GroupBy(r => r.PersonKey!)
            .Select(g => new PersonRecords(g.Key, g.First().ClaimerKind, g.Count(), g.Sum(r => r.Hours ?? 0))).OrderByDescending(p => p.Total).ThenBy(p => p.PersonKey, StringComparer.Ordinal).ToList(),
        records.Select(r => new RecordItem(r.Id, r.Kind, RecordKinds.Chinese(r.Kind), r.SourceId, r.Title, r.CommunityId, r.UnitId, r.UnitName,
            r.ClaimerKind, r.PersonKey, r.Rating, r.Hours, r.At)).ToList());

    private static List<RecordCount> Counts(IEnumerable<EvaluationRecord> records)
    {
        var byKind = records.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());
        return RecordKinds.All.Select(k => new RecordCount(k, RecordKinds.Chinese(k), byKind.GetValueOrDefault(k))).ToList();
    }
}
