using Gongjian.Domain.Orders;

namespace Gongjian.Domain.GridReports;

/// <summary>
/// A 格事坊 report: open (待处置) until staff triage it — resolved on the spot, turned into an order (then closed by
/// the order's completion, or open again when the order is cancelled), handed over to another body, or merged
/// into an open report of the same place and kind.
/// </summary>
public enum ReportStatus { None, Open, Resolved, Ordered, Closed, HandedOver, Merged }

public static class ReportStatusText
{
    public static string Code(this ReportStatus s) => s switch
    {
        ReportStatus.HandedOver => "handed_over",
        _ => s.ToString().ToLowerInvariant(),
    };

    public static string Chinese(this ReportStatus s) => s switch
    {
        ReportStatus.Open => "待处置", ReportStatus.Resolved => "已就地解决", ReportStatus.Ordered => "已转派单",
        ReportStatus.Closed => "派单已办结", ReportStatus.HandedOver => "已转交", ReportStatus.Merged => "已合并", _ => "未上报",
    };

    /// <summary>Nothing more happens to a report in these.</summary>
    public static bool IsFinal(this ReportStatus s) => s is ReportStatus.Resolved or ReportStatus.Closed or ReportStatus.HandedOver or ReportStatus.Merged;
}

/// <summary>What grid workers report (格事坊 categories).</summary>
public static class ReportCategory
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("environment", "环境卫生"), ("vehicle", "车辆停放（含僵尸车）"), ("facility", "设施损坏"), ("safety", "安全隐患"),
        ("construction", "违章搭建"), ("dispute", "邻里纠纷"), ("other", "其他"),
    ];

    public static bool IsKnown(string? code) => All.Any(c => c.Code == code);
    public static string NameOf(string code) => All.FirstOrDefault(c => c.Code == code).Name ?? code;
}

/// <summary>A point on the map (WGS-84 degrees, as a phone's geolocation gives it).</summary>
public sealed record GeoPoint(double Lat, double Lon)
{
    private const double EarthRadiusMetres = 6_371_000;

    public bool IsValid => double.IsFinite(Lat) && double.IsFinite(Lon) && Lat is >= -90 and <= 90 && Lon is >= -180 and <= 180;

    /// <summary>Great-circle distance in metres (haversine).</summary>
    public double MetresTo(GeoPoint other)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(other.Lat - Lat);
        var dLon = Rad(other.Lon - Lon);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(Lat)) * Math.Cos(Rad(other.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>What the HTTP layer read of the open report another one is merged into (the rules see one instance).</summary>
public sealed record MergeTarget(string Id, ReportStatus Status, string CommunityId, string Category, GeoPoint Location);

public static class GridReportLimits
{
    public const int TextMax = 500;
    public const int PlaceMax = 100;
    public const int NoteMax = 500;
    public const int BodyMax = 40;
    public const int MaxPhotos = 9;
    /// <summary>Two reports further apart than this are not the same place: no merge, no duplicate suggestion.</summary>
    public const double SamePlaceMetres = 300;
}

public static class GridReportActors
{
    public static bool IsStaff(Actor a) => a.Role is ActorRole.Dispatcher or ActorRole.Organizer or ActorRole.Admin;
    public static bool MayFile(Actor a) => a.Role == ActorRole.GridWorker || IsStaff(a);
}

public sealed record GridReportState
{
    public static readonly GridReportState Initial = new();

    public string Id { get; init; } = "";
    public int Version { get; init; }
    public ReportStatus Status { get; init; }
    public string CommunityId { get; init; } = "";
    public string StreetId { get; init; } = "";
    public string GridId { get; init; } = "";
    /// <summary>Who filed it (a grid worker's key id and name): staff only.</summary>
    public Actor? Reporter { get; init; }
    public string Category { get; init; } = "";
    public string Text { get; init; } = "";
    public string Place { get; init; } = "";
    /// <summary>Where the problem was photographed: staff only, never public.</summary>
    public GeoPoint? Location { get; init; }
    public IReadOnlyList<string> PhotoIds { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? OrderId { get; init; }
    /// <summary>The body it was handed to (转交), e.g. 街道城管办.</summary>
    public string? HandedTo { get; init; }
    /// <summary>The outcome's note (resolution, hand-over, why the order came back).</summary>
    public string? Note { get; init; }
    public IReadOnlyList<string> OutcomePhotoIds { get; init; } = [];
    public string? MergedInto { get; init; }
    /// <summary>Reports merged into this one.</summary>
    public IReadOnlyList<string> Duplicates { get; init; } = [];
    public DateTimeOffset? ClosedAt { get; init; }
}
