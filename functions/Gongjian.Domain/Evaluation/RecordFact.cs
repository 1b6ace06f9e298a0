namespace Gongjian.Domain.Evaluation;

/// <summary>
/// What a module indicator counts of evaluation records: their kind, unit and community, the hours they give and when
/// they count. One record (table <c>records</c>, <see cref="Records"/> 1), or a projection's count of several alike
/// (a counter row in <c>records</c>: all records of one kind, community and unit — and source — in a month; <see cref="Hours"/>
/// their sum, <see cref="At"/> the month's start). Organizations by id; persons never (a record of a person is counted, not named).
/// </summary>
public sealed record RecordFact(string Id, string Kind, string SourceId, string? CommunityId, string? UnitId, double? Hours, DateTimeOffset At, string Title,
    int Records = 1);
