using System.Globalization;
using Gongjian.Domain.People;
using Gongjian.Engine;
using Gongjian.Functions.Records;

namespace Gongjian.Functions.People;

/// <summary>
/// What 双报到 gives the annual evaluation: a unit's commitments when its report is accepted, each commitment met,
/// and each entry of service hours a person was logged (per person by key, and per unit when they work at a member unit).
/// Queried like every record: <c>GET /api/records</c> per street, year, unit or community.
/// </summary>
public static class PeopleRecords
{
    public const string UnitCommitments = "unit_commitments";
    public const string CommitmentMet = "commitment_met";
    public const string ServiceHours = "service_hours";

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static IEnumerable<EvaluationRecord> From(EventMessage m, UnitReportState s)
    {
        if (m.Type == nameof(UnitReportAccepted))
            yield return new EvaluationRecord
            {
                Id = RecordKinds.IdOf(UnitCommitments, m), Kind = UnitCommitments, SourceId = s.Id, StreetId = s.StreetId, CommunityId = s.CommunityId,
                UnitId = s.UnitId, UnitName = s.UnitName, ClaimerKind = "unit",
                Title = $"{s.Year.ToString(CultureInfo.InvariantCulture)} 年双报到：承诺 {s.Commitments.Count.ToString(CultureInfo.InvariantCulture)} 项", At = m.OccurredAt,
            };
        else if (m.Type == nameof(Domain.People.CommitmentMet) && s.Commitments.FirstOrDefault(c => c.Id == m.Fact("commitmentId")) is { } met)
            yield return new EvaluationRecord
            {
                Id = RecordKinds.IdOf(CommitmentMet, m), Kind = CommitmentMet, SourceId = s.Id, StreetId = s.StreetId, CommunityId = s.CommunityId,
                UnitId = s.UnitId, UnitName = s.UnitName, ClaimerKind = "unit", Title = met.Title, At = m.OccurredAt,
            };
    }

    /// <summary>Hours count in the year (China) of the day served, not the day they were logged.</summary>
    public static IEnumerable<EvaluationRecord> From(EventMessage m, PersonState s)
    {
        if (m.Type != nameof(ServiceHoursLogged) || s.Hours.FirstOrDefault(h => h.EntryId == m.Fact("entryId")) is not { } entry) yield break;
        yield return new EvaluationRecord
        {
            Id = RecordKinds.IdOf(ServiceHours, m), Kind = ServiceHours, SourceId = s.Id, StreetId = s.StreetId, CommunityId = s.CommunityId,
            UnitId = s.UnitId, ClaimerKind = KindCode(s.Kind), PersonKey = s.PersonKey, Title = entry.What, Hours = (double)entry.Hours,
            At = new DateTimeOffset(entry.Date.ToDateTime(new TimeOnly(12, 0)), China),
        };
    }

    public static string KindCode(PersonKind kind) => kind == PersonKind.PartyMember ? "partyMember" : "volunteer";
}
