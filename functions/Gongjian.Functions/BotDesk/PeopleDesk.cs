using System.Security.Cryptography;
using System.Text;
using Gongjian.Bot.Desk;
using Gongjian.Domain.Orders;
using Gongjian.Domain.People;
using Gongjian.Domain.Privacy;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Orders;
using Gongjian.Functions.People;

namespace Gongjian.Functions.BotDesk;

/// <summary>
/// The bot's way into 个人报到: the same command as <see cref="RegisterPersonFunction"/> (the person acting as
/// <see cref="PersonModule.Self"/>, one record per community and phone), and the hours and points
/// <see cref="PersonRunner.TotalsAsync"/> counts, read with the person's code as <c>GET /api/people/{id}</c> is.
/// </summary>
public sealed class PeopleDesk(PersonStore store, PersonRunner runner, PersonKeys keys, CommunityDirectory directory, CommunityTeams teams) : IPeopleDesk
{
    private const string NotFound = "没有找到您的报到记录，请联系社区工作人员。";

    public async Task<DeskResult<ReportedPerson>> ReportAsync(PersonReport report, CancellationToken ct)
    {
        var d = await directory.GetAsync(ct);
        if (!d.Communities.TryGetValue(report.CommunityId, out var community) || community.IsRetired)
            return DeskResult<ReportedPerson>.Refused("社区不存在，请重新选择社区。");
        var kind = report.Kind == "volunteer" ? PersonKind.Volunteer : PersonKind.PartyMember;
        if (!PhoneNumber.TryNormalize(report.Phone, out var phone)) return DeskResult<ReportedPerson>.Refused("联系电话格式不正确，请填写 11 位手机号或带区号的固定电话。");
        var key = keys.Of(phone);
        var id = PersonModule.IdFor(community.Id, key);
        // A team retired since it was offered is not joined: the report goes on without it (the reply names no team).
        var team = report.TeamId is { } teamId && await teams.FindAsync(community.Id, teamId, ct) is { Retired: false } joinable ? joinable : null;
        var code = OrderIds.NewTrackingCode();
        var outcome = await store.ExecuteAsync(id, new RegisterPerson
        {
            By = PersonModule.Self, PersonId = id, PersonKey = key, CommunityId = community.Id, StreetId = community.StreetId, Kind = kind,
            Name = report.Name, Phone = phone, WorkUnit = report.WorkUnit, CodeHash = OrderAccess.HashTrackingCode(code),
            TeamId = team?.Id, TeamName = team?.Name,
        }, ct, expectNew: true);
        if (outcome.Rejection is { } r) return DeskResult<ReportedPerson>.Refused(r.Message);
        return DeskResult<ReportedPerson>.Ok(new ReportedPerson(id, code, community.Name, outcome.State.Status.Chinese(), team?.Name));
    }

    public async Task<IReadOnlyList<TeamChoice>> TeamsAsync(string communityId, CancellationToken ct) =>
        [.. (await teams.ListAsync(communityId, ct)).Where(t => !t.Retired).Select(t => new TeamChoice(t.Id, t.Name))];

    public async Task<DeskResult<PersonHours>> HoursAsync(string personId, string code, CancellationToken ct)
    {
        var state = PeopleAccess.IsWellFormedPerson(personId) ? (await store.LoadAsync(personId, ct))?.State : null;
        if (state is null || state.Status == PersonStatus.None) return DeskResult<PersonHours>.Refused(NotFound);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(OrderAccess.HashTrackingCode(code)), Encoding.ASCII.GetBytes(state.CodeHash)))
            return DeskResult<PersonHours>.Refused("查询码不正确。");
        var (hours, points, records) = await runner.TotalsAsync(state, ct);
        var community = (await directory.GetAsync(ct)).CommunityName(state.CommunityId, state.CommunityId);
        return DeskResult<PersonHours>.Ok(new PersonHours(state.Status.Chinese(), state.Kind.Chinese(), community, hours, points, records, [.. state.Teams.Select(t => t.TeamName)]));
    }
}
