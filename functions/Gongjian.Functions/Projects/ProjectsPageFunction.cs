using Gongjian.Domain.Projects;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Showcases.Pages;
using Gongjian.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Projects;

/// <summary>
/// Public page: a street's 项目清单 — the projects it published (认领中, 名额已满, 实施中, 已结项; never drafts or cancelled
/// ones), newest first, at most <see cref="MaxProjects"/>, each with its approved units (organizations) and its milestones'
/// progress (how many of the approved units reported). Nothing personal: no goal or report text, no photo, no person.
/// </summary>
public static class ProjectsPageFunction
{
    public static readonly HttpTrigger Trigger = new("GET", PagePaths.ProjectsRoute);
    public const int MaxProjects = 30;

    public static async Task<IResult> Run(HttpContext context, string streetId, StorageClients storage, ProjectStore store, CommunityDirectory directory,
        PageRenderer pages, IOptions<PublicPageOptions> options)
    {
        var ct = context.RequestAborted;
        var snapshot = await directory.GetAsync(ct);
        if (!snapshot.Streets.TryGetValue(streetId, out var street))
            return await pages.MissingAsync("没有找到这个街道", "链接可能不完整或已失效，请向社区或街道工作人员确认后再打开。");
        var rows = (await ListProjectsFunction.ReadAsync(storage, ProjectModule.StreetList(street.Id), drafts: false, ct))
            .Where(r => r.Status != ProjectStatus.Cancelled.Code()).Take(MaxProjects).ToList();
        // The rows say which projects; each one's milestones and approved claims come from its state (one read each, in parallel).
        var states = await Task.WhenAll(rows.Select(r => store.LoadAsync(r.Id, ct)));
        var projects = states.Where(l => l is not null).Select(l => l!.State)
            .Where(s => s.Status is ProjectStatus.Published or ProjectStatus.Full or ProjectStatus.InProgress or ProjectStatus.Closed)
            .Select(s => ToPublic(s, s.CommunityId is null ? null : snapshot.CommunityName(s.CommunityId, "")))
            .ToList();
        return await pages.PageAsync<ProjectsPage>(new()
        {
            [nameof(ProjectsPage.StreetId)] = street.Id,
            [nameof(ProjectsPage.StreetName)] = street.Name,
            [nameof(ProjectsPage.Projects)] = projects,
            [nameof(ProjectsPage.BaseUrl)] = options.Value.BaseFor(context.Request),
        }, "public, max-age=60");
    }

    public static ProjectsPage.PublicProject ToPublic(ProjectState s, string? communityName)
    {
        var approved = s.Claims.Where(c => c.Status == ClaimStatus.Approved).ToList();
        var units = approved.Select(c => c.UnitId).ToHashSet();
        return new ProjectsPage.PublicProject(s.Id, s.Title, s.Category, s.Status.Chinese(), communityName, s.StartsOn, s.EndsOn, s.UnitsWanted,
            approved.Select(c => c.UnitName).Distinct().ToList(),
            s.Milestones.Select(m => new ProjectsPage.PublicMilestone(m.Title, m.DueAt,
                s.Reports.Where(r => r.MilestoneId == m.Id && units.Contains(r.UnitId)).Select(r => r.UnitId).Distinct().Count(), units.Count)).ToList());
    }
}
