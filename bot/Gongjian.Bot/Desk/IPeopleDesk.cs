namespace Gongjian.Bot.Desk;

/// <summary>
/// What the conversations need from the 双报到 module (个人报到): a party member's or volunteer's report to their home
/// community, as <c>POST /api/people</c>, and their own hours and points read with the code it gave.
/// </summary>
public interface IPeopleDesk
{
    /// <summary>报到 (待社区确认); the same phone twice in one community is refused.</summary>
    Task<DeskResult<ReportedPerson>> ReportAsync(PersonReport report, CancellationToken ct);

    /// <summary>The teams (服务队) a person of the community may join now, standing ones first.</summary>
    Task<IReadOnlyList<TeamChoice>> TeamsAsync(string communityId, CancellationToken ct);

    /// <summary>The person's status, hours and points of this year (records counted as <c>GET /api/people/{id}</c> does).</summary>
    Task<DeskResult<PersonHours>> HoursAsync(string personId, string code, CancellationToken ct);
}

/// <param name="Kind"><c>partyMember</c> or <c>volunteer</c>.</param>
/// <param name="TeamId">The team the person asks to join (joined when the community confirms the report); null for none.</param>
public sealed record PersonReport(string CommunityId, string Kind, string Name, string Phone, string WorkUnit, string? TeamId = null);

/// <param name="TeamName">The team asked for, when it was taken with the report.</param>
public sealed record ReportedPerson(string PersonId, string Code, string CommunityName, string StatusName, string? TeamName = null);

public sealed record TeamChoice(string Id, string Name);

/// <param name="Teams">Names of the teams the person joined (服务队).</param>
public sealed record PersonHours(string StatusName, string KindName, string CommunityName, double Hours, int Points, int Records, IReadOnlyList<string> Teams);
