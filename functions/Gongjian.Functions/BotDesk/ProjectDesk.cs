using Gongjian.Bot.Desk;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Projects;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Projects;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.BotDesk;

/// <summary>
/// The bot's way into the 项目清单 module: the street's project list as <c>GET /api/projects</c> reads it, and
/// 认领 through the module's rules as <c>POST /api/projects/{id}/claims</c> does, acting as the bound unit's liaison.
/// </summary>
public sealed class ProjectDesk(ProjectStore store, StorageClients storage, CommunityDirectory directory, TimeProvider clock) : IProjectDesk
{
    private const string NotFound = "项目不存在，可能已被撤下。";
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public async Task<IReadOnlyList<OpenProject>> OpenProjectsAsync(string unitId, CancellationToken ct)
    {
        if (!(await directory.GetAsync(ct)).Units.TryGetValue(unitId, out var unit) || unit.IsRetired) return [];
        // The unit's categories are the service categories' codes; projects name theirs in Chinese (the same names).
        var names = unit.Categories.Select(ServiceCategory.NameOf).ToHashSet();
        var held = (await ListProjectsFunction.ReadAsync(storage, ProjectModule.UnitList(unitId), true, ct)).Select(p => p.Id).ToHashSet();
        var now = clock.GetUtcNow();
        return
        [
            .. (await ListProjectsFunction.ReadAsync(storage, ProjectModule.StreetList(unit.StreetId), false, ct))
                .Where(p => p.Status is "published" or "in_progress" && p.PlacesTaken < p.UnitsWanted && p.EndsOn > now && !held.Contains(p.Id))
                .Where(p => names.Count == 0 || names.Contains(p.Category) || p.Category == "其他")
                .Take(10)
                .Select(p => new OpenProject(p.Id, p.Title, p.Category, "", p.UnitsWanted - p.PlacesTaken, p.UnitsWanted, p.StartsOn, p.EndsOn)),
        ];
    }

    public async Task<DeskResult<OpenProject>> FindAsync(string unitId, string projectId, CancellationToken ct)
    {
        var (state, unit, refusal) = await LoadAsync(unitId, projectId, ct);
        if (refusal is not null) return DeskResult<OpenProject>.Refused(refusal);
        // Asked of the rules with a commitment that would pass: what is left is whether the unit may claim it at all.
        var trial = Claim(state!, unit!, "认领", state!.EndsOn);
        return store.Module.Decide(state, trial, clock.GetUtcNow()).Rejection is { } r
            ? DeskResult<OpenProject>.Refused(r.Message) : DeskResult<OpenProject>.Ok(Open(state));
    }

    public async Task<DeskResult<OpenProject>> ClaimAsync(LiaisonActor liaison, string projectId, string commitment, DateOnly provideBy, CancellationToken ct)
    {
        var (state, unit, refusal) = await LoadAsync(liaison.UnitId, projectId, ct);
        if (refusal is not null) return DeskResult<OpenProject>.Refused(refusal);
        // The end of the chosen day in Beijing; the project's last day ends when the project does.
        var endOfDay = new DateTimeOffset(provideBy.ToDateTime(new TimeOnly(23, 59, 59)), Beijing);
        var lastDay = DateOnly.FromDateTime(state!.EndsOn.ToOffset(Beijing).DateTime);
        var by = provideBy == lastDay ? state.EndsOn : endOfDay;
        var command = Claim(state, unit!, commitment, by) with { By = new Actor(ActorRole.Liaison, liaison.UnitId, liaison.Name) };
        var outcome = await store.ExecuteAsync(projectId, command, ct);
        return outcome.Rejection is { } r ? DeskResult<OpenProject>.Refused(r.Message) : DeskResult<OpenProject>.Ok(Open(outcome.State));
    }

    private async Task<(ProjectState? State, MemberUnit? Unit, string? Refusal)> LoadAsync(string unitId, string projectId, CancellationToken ct)
    {
        if (!(await directory.GetAsync(ct)).Units.TryGetValue(unitId, out var unit)) return (null, null, "本单位不在共建单位名录中，请联系社区工作人员。");
        if (unit.IsRetired) return (null, null, $"{unit.Name}已退出共建，不能认领项目。");
        var state = ProjectAccess.IsWellFormed(projectId) ? (await store.LoadAsync(projectId, ct))?.State : null;
        // A unit sees its street's published projects and those it claimed (ProjectAccess.CanSee); others do not exist for it.
        if (state is null || state.Status == ProjectStatus.Draft || state.StreetId != unit.StreetId && state.Claims.All(c => c.UnitId != unitId))
            return (null, null, NotFound);
        // The unit's own claim says more than "full" (its claim may be what filled it): the rules would say the latter first.
        if (state.Claims.FirstOrDefault(c => c.UnitId == unitId && c.HoldsPlace) is { } own)
            return (null, null, own.Status == ClaimStatus.Approved ? "本单位已认领这个项目，认领已通过审核。" : "本单位已认领这个项目，正在等待审核。");
        return (state, unit, null);
    }

    private static ClaimProject Claim(ProjectState s, MemberUnit unit, string commitment, DateTimeOffset provideBy) => new()
    {
        By = new Actor(ActorRole.Liaison, unit.Id), ClaimId = "cl" + Guid.NewGuid().ToString("N")[..10], UnitId = unit.Id, UnitName = unit.Name,
        Commitment = commitment, ProvideBy = provideBy,
    };

    private static OpenProject Open(ProjectState s) =>
        new(s.Id, s.Title, s.Category, s.Goal, Math.Max(0, s.PlacesLeft), s.UnitsWanted, s.StartsOn, s.EndsOn);
}
