using Gongjian.Domain.Orders;

namespace Gongjian.Domain.People;

public abstract record UnitReportEvent
{
    public required DateTimeOffset OccurredAt { get; init; }
    public required Actor By { get; init; }
}

public sealed record UnitReported : UnitReportEvent
{
    public required string ReportId { get; init; }
    public required string UnitId { get; init; }
    public required string UnitName { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public required int Year { get; init; }
    public required int ServiceItemsPerYear { get; init; }
    public required IReadOnlyList<Commitment> Commitments { get; init; }
}

public sealed record UnitReportAccepted : UnitReportEvent;

public sealed record CommitmentMet : UnitReportEvent
{
    public required string CommitmentId { get; init; }
    public required string Evidence { get; init; }
}
