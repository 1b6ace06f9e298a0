using Gongjian.Domain.Community;
using Gongjian.Domain.Needs;
using Gongjian.Domain.Projects;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Dispatching;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Projects;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Needs;

/// <summary>推荐单位 for a need: units whose active resources fit it, best first, each with the reason. For the staff managing the need.</summary>
public static class SuggestForNeedFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "needs/{id}/suggestions");

    public static async Task<IResult> Run(HttpContext context, string id, NeedCommandRunner runner, CommunityDirectory directory, StorageClients storage)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        var need = await runner.FindAsync(id, ct);
        if (!NeedAccess.CanManage(caller, need)) throw ApiProblem.Forbidden("outside_scope", "该需求不在您的管辖范围内。");
        if (need.Status.IsEnded()) throw ApiProblem.Conflict($"need_{need.Status.Code()}", $"需求{need.Status.Chinese()}，无需再匹配资源。");
        var ask = new ResourceSuggestions.Ask(need.Category, need.StreetId, need.CommunityId, need.People);
        return await AnswerAsync("need", need.Id, ask, [], directory, storage, ct);
    }

    internal static async Task<IResult> AnswerAsync(string kind, string id, ResourceSuggestions.Ask ask, IReadOnlyCollection<string> exclude,
        CommunityDirectory directory, StorageClients storage, CancellationToken ct)
    {
        var snapshot = await directory.GetAsync(ct);
        var offers = await ResourceSuggestions.ActiveInStreetAsync(storage, ask.StreetId, ct);
        var ranked = ResourceSuggestions.Rank(snapshot.Units.Values, offers, ask, exclude);
        var items = ranked.Select((m, i) => new ResourceSuggestion(i + 1, m.Unit.Id, m.Unit.Name, m.Fitting.Select(o => o.ResourceId).ToList(),
            m.NamesCommunity, m.ServesCategory, ResourceSuggestions.Reason(m, ask, snapshot.Communities))).ToList();
        return Results.Json(new ResourceSuggestionsView(kind, id, ask.Category, ServiceCategory.NameOf(ask.Category), ask.CommunityId, ask.People, items),
            NeedApiJson.Web.ResourceSuggestionsView);
    }
}

/// <summary>
/// 推荐单位 for a project: units whose active resources fit its category and community (anywhere in the
/// street for a street-wide project), with room for the people of its linked needs; units already holding
/// a place are left out. For the staff managing the project.
/// </summary>
public static class SuggestForProjectFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "projects/{id}/suggestions");

    public static async Task<IResult> Run(HttpContext context, string id, ProjectCommandRunner projects, NeedStore needs, CommunityDirectory directory, StorageClients storage)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        var project = await projects.FindAsync(id, ct);
        if (!ProjectAccess.CanManage(caller, project)) throw ApiProblem.Forbidden("outside_scope", "该项目不在您的管辖范围内。");
        if (project.Status.IsEnded()) throw ApiProblem.Conflict($"project_{project.Status.Code()}", $"项目{project.Status.Chinese()}，无需再匹配资源。");
        // Projects name their category in words (项目清单's list); the resources use the orders' codes for the same words.
        var category = ServiceCategory.All.FirstOrDefault(c => c.Name == project.Category)?.Code ?? "other";
        var people = 0;
        foreach (var needId in project.NeedIds.Where(NeedAccess.IsWellFormed))
            if (await needs.LoadAsync(needId, ct) is { } need) people += need.State.People;
        var ask = new ResourceSuggestions.Ask(category, project.StreetId, project.CommunityId, people);
        return await SuggestForNeedFunction.AnswerAsync("project", project.Id, ask, project.Claims.Where(c => c.HoldsPlace).Select(c => c.UnitId).ToList(),
            directory, storage, ct);
    }
}
