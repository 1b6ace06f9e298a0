using Gongjian.Domain.Deliberations;
using Gongjian.Engine;
using Gongjian.Functions.Records;

namespace Gongjian.Functions.Deliberations;

/// <summary>
/// What 议事 gives the annual evaluation (table <c>records</c>): a deliberation held (its decision recorded) and a decision
/// delivered (its last order or project ended), per community; and for each member unit that was invited to the meeting or
/// gave an opinion, its participation. Nothing of residents: the title was masked when the topic was raised.
/// </summary>
public static class DeliberationRecords
{
    public const string Held = "deliberation_held";
    public const string Delivered = "decision_delivered";
    public const string Participation = "deliberation_participation";

    private static string IdOf(string kind, EventMessage m) => $"{kind}_{m.Id.Replace(':', '_')}";

    public static IEnumerable<EvaluationRecord> From(EventMessage m, DeliberationState s)
    {
        if (m.Type == nameof(DecisionRecorded))
        {
            yield return new EvaluationRecord
            {
                Id = IdOf(Held, m), Kind = Held, SourceId = s.Id, StreetId = s.StreetId, CommunityId = s.CommunityId, ClaimerKind = "community",
                Title = s.Title, At = m.OccurredAt,
            };
            var units = (s.Meeting?.UnitIds ?? []).Concat(s.Opinions.Select(o => o.UnitId).OfType<string>()).Distinct(StringComparer.Ordinal);
            foreach (var unit in units)
                yield return new EvaluationRecord
                {
                    Id = $"{IdOf(Participation, m)}_{unit}", Kind = Participation, SourceId = s.Id, StreetId = s.StreetId, CommunityId = s.CommunityId,
                    UnitId = unit, ClaimerKind = "unit", Title = s.Title, At = m.OccurredAt,
                };
        }
        else if (m.Type == nameof(ActionCompleted) && m.Fact("delivered") == "true")
            yield return new EvaluationRecord
            {
                Id = IdOf(Delivered, m), Kind = Delivered, SourceId = s.Id, StreetId = s.StreetId, CommunityId = s.CommunityId, ClaimerKind = "community",
                Title = s.Title, At = m.OccurredAt,
            };
    }
}
