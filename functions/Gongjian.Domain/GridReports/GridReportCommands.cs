using Gongjian.Domain.Orders;

namespace Gongjian.Domain.GridReports;

public abstract record GridReportCommand
{
    public required Actor By { get; init; }
}

/// <summary>A grid worker (or staff) files a report with its located photos; the HTTP layer checks the grid is theirs.</summary>
public sealed record FileReport : GridReportCommand
{
    public required string ReportId { get; init; }
    public required string GridId { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public required string Category { get; init; }
    public required string Text { get; init; }
    public string Place { get; init; } = "";
    public GeoPoint? Location { get; init; }
    public required IReadOnlyList<string> PhotoIds { get; init; }
}

/// <summary>Staff resolve it on the spot (就地解决), with a note and optional photos.</summary>
public sealed record ResolveReport : GridReportCommand
{
    public required string Note { get; init; }
    public IReadOnlyList<string> PhotoIds { get; init; } = [];
}

/// <summary>Staff turned it into an order (placed through the orders' own path); the order's id is kept here.</summary>
public sealed record TurnIntoOrder : GridReportCommand
{
    public required string OrderId { get; init; }
}

/// <summary>转交: staff hand it to another body (城管办, 交警…) with a note.</summary>
public sealed record HandOverReport : GridReportCommand
{
    public required string Body { get; init; }
    public required string Note { get; init; }
}

/// <summary>Staff merge it into an open report of the same place and kind.</summary>
public sealed record MergeReport : GridReportCommand
{
    public required MergeTarget Target { get; init; }
}

/// <summary>The target of a merge notes the report merged into it.</summary>
public sealed record AttachDuplicate : GridReportCommand
{
    public required string SourceId { get; init; }
}

/// <summary>The order made of it was completed (the order notifier's hook, as the system).</summary>
public sealed record CloseByOrder : GridReportCommand
{
    public required string OrderId { get; init; }
}

/// <summary>The order made of it was cancelled or rejected: back to triage.</summary>
public sealed record ReturnFromOrder : GridReportCommand
{
    public required string OrderId { get; init; }
    public required string Reason { get; init; }
}
