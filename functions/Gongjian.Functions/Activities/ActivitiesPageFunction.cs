using Azure.Data.Tables;
using Gongjian.Domain.Activities;
using Gongjian.Domain.Community;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Showcases.Pages;
using Gongjian.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Activities;

/// <summary>
/// Public page: a street's (or one community's) upcoming activities — open or closed for registration and not yet ended,
/// soonest first, at most <see cref="MaxActivities"/> — read from the <c>public</c> list partition, whose rows hold counts
/// and never a name, phone or person key. People register by chat; the page says how.
/// </summary>
public static class ActivitiesPageFunction
{
    public static readonly HttpTrigger StreetTrigger = new("GET", PagePaths.ActivitiesRoute);
    public static readonly HttpTrigger CommunityTrigger = new("GET", PagePaths.CommunityActivitiesRoute);
    public const int MaxActivities = 60;
    private const string Missing = "链接可能不完整或已失效，请向社区或街道工作人员确认后再打开。";

    public static Task<IResult> RunStreet(HttpContext context, string streetId, StorageClients storage, CommunityDirectory directory,
        PageRenderer pages, IOptions<PublicPageOptions> options, TimeProvider clock) =>
        RenderAsync(context, streetId, null, storage, directory, pages, options, clock);

    public static Task<IResult> RunCommunity(HttpContext context, string streetId, string communityId, StorageClients storage,
        CommunityDirectory directory, PageRenderer pages, IOptions<PublicPageOptions> options, TimeProvider clock) =>
        RenderAsync(context, streetId, communityId, storage, directory, pages, options, clock);

    private static async Task<IResult> RenderAsync(HttpContext context, string streetId, string? communityId, StorageClients storage,
        CommunityDirectory directory, PageRenderer pages, IOptions<PublicPageOptions> options, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var snapshot = await directory.GetAsync(ct);
        if (!snapshot.Streets.TryGetValue(streetId, out var street))
            return await pages.MissingAsync("没有找到这个街道", Missing);
        CommunityArea? community = null;
        if (communityId is not null && (!snapshot.Communities.TryGetValue(communityId, out community) || community.StreetId != street.Id))
            return await pages.MissingAsync("没有找到这个社区", Missing, street.Name, PagePaths.Activities(street.Id), $"看看{street.Name}的活动");
        var now = clock.GetUtcNow();
        var filter = community is null
            ? TableClient.CreateQueryFilter($"StreetId eq {street.Id} and EndsAt ge {now} and (Status eq {"open"} or Status eq {"registration_closed"})")
            : TableClient.CreateQueryFilter($"CommunityId eq {community.Id} and EndsAt ge {now} and (Status eq {"open"} or Status eq {"registration_closed"})");
        var rows = await ActivityRows.ReadAsync(storage, ActivityModule.PublicList, filter, MaxActivities, ct);
        var activities = rows.Select(r => new ActivitiesPage.PublicActivity(r.Id, r.Title, ActivityNames.Category(r.Category), StatusOf(r, now), r.Place,
            snapshot.CommunityName(r.CommunityId), Organiser(r, street, snapshot), r.StartsAt, r.EndsAt, r.Deadline, r.Capacity, r.RegisteredCount,
            r.WaitingCount, string.Join("、", r.Audiences.Select(ActivityNames.Audience)))).ToList();
        return await pages.PageAsync<ActivitiesPage>(new()
        {
            [nameof(ActivitiesPage.StreetId)] = street.Id,
            [nameof(ActivitiesPage.StreetName)] = street.Name,
            [nameof(ActivitiesPage.CommunityId)] = community?.Id,
            [nameof(ActivitiesPage.CommunityName)] = community?.Name,
            [nameof(ActivitiesPage.Communities)] = snapshot.Communities.Values
                .Where(c => c.StreetId == street.Id && c.RetiredAt is null).OrderBy(c => c.Id, StringComparer.Ordinal)
                .Select(c => new ActivitiesPage.CommunityLink(c.Id, c.Name)).ToList(),
            [nameof(ActivitiesPage.Activities)] = activities,
            [nameof(ActivitiesPage.Showcased)] = await ShowcasedAsync(storage, street.Id, community?.Id, ct),
            [nameof(ActivitiesPage.BaseUrl)] = options.Value.BaseFor(context.Request),
        }, "public, max-age=60");
    }

    /// <summary>
    /// 活动风采: the latest activities their organisers showcased after the attendance (at most <see cref="MaxShowcased"/>, newest
    /// first): counts, hours and photo ids from the list rows — never a name.
    /// </summary>
    private static async Task<IReadOnlyList<ActivitiesPage.ShowcasedActivity>> ShowcasedAsync(StorageClients storage, string streetId, string? communityId,
        CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ActivityModule.PublicList} and Removed eq false and Showcase eq true and StreetId eq {streetId}")
            + (communityId is null ? "" : " and " + TableClient.CreateQueryFilter($"CommunityId eq {communityId}"));
        var found = new List<ActivitiesPage.ShowcasedActivity>();
        await foreach (var row in storage.Table(TableNames.ActivityIndex).QueryAsync<TableEntity>(filter, cancellationToken: ct))
            found.Add(new(row.GetString("ActivityId") ?? "", row.GetString("Title") ?? "", row.GetString("Place") ?? "", row.GetDateTimeOffset("StartsAt") ?? default,
                row.GetInt32("AttendedCount") ?? 0, row.GetDouble("ServedHours") ?? 0,
                (row.GetString("PhotoIds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)));
        return [.. found.OrderByDescending(a => a.StartsAt).Take(MaxShowcased)];
    }

    public const int MaxShowcased = 6;

    /// <summary>What a resident can still do: the deadline may have passed before its timer closed registration.</summary>
    private static string StatusOf(ActivityListItem r, DateTimeOffset now) =>
        now >= r.StartsAt ? "进行中"
        : r.Status != ActivityStatus.Open.Code() || now >= r.Deadline ? "报名已截止"
        : r.RegisteredCount >= r.Capacity ? "名额已满，可候补"
        : "报名中";

    private static string Organiser(ActivityListItem r, Street street, CommunityDirectory.Snapshot snapshot) => r.OrganiserKind switch
    {
        "unit" when r.UnitId is not null && snapshot.Units.TryGetValue(r.UnitId, out var unit) => unit.Name,
        "street" => street.Name,
        _ => snapshot.CommunityName(r.CommunityId, street.Name),
    };
}
