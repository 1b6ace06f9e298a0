using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongjian.Functions.GridReports;

/// <summary>A grid worker's report from the phone: category, what and where, its location (staff only) and 1–9 photos (base64; EXIF/GPS stripped).</summary>
public sealed record FileReportRequest
{
    public required string GridId { get; init; }
    public required string Category { get; init; }
    public required string Text { get; init; }
    public string? Place { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public IReadOnlyList<string>? Photos { get; init; }
}

public sealed record ResolveReportRequest
{
    public required string Note { get; init; }
    public IReadOnlyList<string>? Photos { get; init; }
}

/// <summary>转为派单: the order's address (default: the report's place) and service category (optional, as an order's).</summary>
public sealed record ReportToOrderRequest
{
    public string? Address { get; init; }
    public string? Category { get; init; }
}

public sealed record HandOverReportRequest
{
    public required string Body { get; init; }
    public required string Note { get; init; }
}

public sealed record MergeReportRequest
{
    public required string TargetId { get; init; }
}

/// <summary>A report for staff: the location and the reporter's name are here (staff only), never on a public page.</summary>
public sealed record GridReportView
{
    public required string Id { get; init; }
    public required string Status { get; init; }
    public required string StatusText { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public required string GridId { get; init; }
    public required string Category { get; init; }
    public required string CategoryText { get; init; }
    public required string Text { get; init; }
    public required string Place { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public string? Reporter { get; init; }
    public required IReadOnlyList<string> PhotoIds { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public string? OrderId { get; init; }
    public string? HandedTo { get; init; }
    public string? Note { get; init; }
    public required IReadOnlyList<string> OutcomePhotoIds { get; init; }
    public string? MergedInto { get; init; }
    public required IReadOnlyList<string> Duplicates { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>What the caller may do now: resolve, order, hand_over, merge (community staff on an open report).</summary>
    public required IReadOnlyList<string> Actions { get; init; }
}

/// <summary>A list row: masked text, no location, no reporter.</summary>
public sealed record GridReportListItem(string Id, string Status, string StatusText, string Category, string CategoryText, string GridId,
    string Text, string Place, int PhotoCount, string? OrderId, string? HandedTo, string? MergedInto, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record GridReportPage(IReadOnlyList<GridReportListItem> Items);

/// <summary>An open report that may be the same problem: how far, how alike (0–1), never merged automatically.</summary>
public sealed record DuplicateSuggestion(string Id, string Status, string Category, string Text, string Place, int DistanceMetres, double Similarity, DateTimeOffset CreatedAt);

public sealed record DuplicatePage(IReadOnlyList<DuplicateSuggestion> Items);

public sealed record GridReportTimelineEntry(int Sequence, string Type, DateTimeOffset At, Orders.ActorView By, string Description, string? Note);

public sealed record GridReportTimeline(string ReportId, IReadOnlyList<GridReportTimelineEntry> Entries);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(FileReportRequest))]
[JsonSerializable(typeof(ResolveReportRequest))]
[JsonSerializable(typeof(ReportToOrderRequest))]
[JsonSerializable(typeof(HandOverReportRequest))]
[JsonSerializable(typeof(MergeReportRequest))]
[JsonSerializable(typeof(GridReportView))]
[JsonSerializable(typeof(GridReportPage))]
[JsonSerializable(typeof(DuplicatePage))]
[JsonSerializable(typeof(GridReportTimeline))]
public sealed partial class GridReportApiJson : JsonSerializerContext
{
    public static GridReportApiJson Web => s_web ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static GridReportApiJson? s_web;
}
