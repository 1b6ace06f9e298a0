using Gongjian.Domain.Orders;

namespace Gongjian.Domain.GridReports;

public abstract record GridReportEvent
{
    public required DateTimeOffset OccurredAt { get; init; }
    public required Actor By { get; init; }
}

public sealed record ReportFiled : GridReportEvent
{
    public required string ReportId { get; init; }
    public required string GridId { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public required string Category { get; init; }
    public required string Text { get; init; }
    public required string Place { get; init; }
    public required GeoPoint Location { get; init; }
    public required IReadOnlyList<string> PhotoIds { get; init; }
}

public sealed record ReportResolved : GridReportEvent
{
    public required string Note { get; init; }
    public required IReadOnlyList<string> PhotoIds { get; init; }
}

public sealed record ReportTurnedIntoOrder : GridReportEvent
{
    public required string OrderId { get; init; }
}

public sealed record ReportHandedOver : GridReportEvent
{
    public required string Body { get; init; }
    public required string Note { get; init; }
}

public sealed record ReportMerged : GridReportEvent
{
    public required string TargetId { get; init; }
}

public sealed record DuplicateAttached : GridReportEvent
{
    public required string SourceId { get; init; }
}

public sealed record ReportClosedByOrder : GridReportEvent
{
    public required string OrderId { get; init; }
}

public sealed record ReportReturnedFromOrder : GridReportEvent
{
    public required string OrderId { get; init; }
    public required string Reason { get; init; }
}
