namespace Gongjian.Domain.Evaluation;

/// <summary>
/// What a module indicator counts of one evaluation record (table <c>records</c>): its kind, its unit and community,
/// the hours it gives and when it counts. Organizations by id; persons never (a record of a person is counted, not named).
/// </summary>
public sealed record RecordFact(string Id, string Kind, string SourceId, string? CommunityId, string? UnitId, double? Hours, DateTimeOffset At, string Title);
