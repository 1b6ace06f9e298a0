using Gongjian.Domain.GridReports;
using Gongjian.Engine;
using Gongjian.Functions.Records;

namespace Gongjian.Functions.GridReports;

/// <summary>
/// 格事坊 records for the evaluation: <c>grid_report_resolved</c>, one per report resolved on the spot or closed with
/// its order, for the community (no unit, no person: <c>ClaimerKind</c> <c>grid</c>); the title names the category
/// and the grid. Nothing of the reporter or the place.
/// </summary>
public static class GridReportRecords
{
    public const string Resolved = "grid_report_resolved";

    public static IEnumerable<EvaluationRecord> From(EventMessage m, GridReportState s)
    {
        if (m.Type is not (nameof(ReportResolved) or nameof(ReportClosedByOrder))) yield break;
        yield return new EvaluationRecord
        {
            Id = $"{Resolved}_{m.Id.Replace(':', '_')}", Kind = Resolved, SourceId = s.Id, StreetId = s.StreetId, CommunityId = s.CommunityId,
            ClaimerKind = "grid", Title = $"{ReportCategory.NameOf(s.Category)}（网格 {s.GridId}）", At = m.OccurredAt,
        };
    }
}
