using Gongjian.Domain.Orders;

namespace Gongjian.Domain.People;

public abstract record UnitReportCommand
{
    public required Actor By { get; init; }
}

/// <summary>A member unit reports to a community for a year, with its posts, resources and yearly service items.</summary>
public sealed record ReportUnit : UnitReportCommand
{
    public required string ReportId { get; init; }
    public required string UnitId { get; init; }
    public required string UnitName { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public required int Year { get; init; }
    public IReadOnlyList<string> Posts { get; init; } = [];
    public IReadOnlyList<string> ResourceIds { get; init; } = [];
    public int ServiceItemsPerYear { get; init; }
}

/// <summary>The community's staff accept the report.</summary>
public sealed record AcceptUnitReport : UnitReportCommand;

/// <summary>Staff mark one commitment met, with what shows it.</summary>
public sealed record MarkCommitmentMet : UnitReportCommand
{
    public required string CommitmentId { get; init; }
    public required string Evidence { get; init; }
}
