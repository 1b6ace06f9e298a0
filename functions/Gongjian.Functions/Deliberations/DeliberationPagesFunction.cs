using Gongjian.Domain.Deliberations;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Showcases.Pages;
using Gongjian.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Deliberations;

public static class DeliberationPaths
{
    public const string StreetRoute = "pages/deliberations/{streetId}";
    public const string OneRoute = "pages/deliberations/{streetId}/{deliberationId}";
    public static string Street(string streetId) => $"/api/pages/deliberations/{Uri.EscapeDataString(streetId)}";
    public static string One(string streetId, string id) => $"/api/pages/deliberations/{Uri.EscapeDataString(streetId)}/{Uri.EscapeDataString(id)}";
}

/// <summary>
/// Public pages of 议事 (HTML, <c>public, max-age=60</c> like the other public pages): a street's deliberations that reached a
/// decision, from the list partition <c>p-{street}</c> (rows hold counts and staff-visible titles, never a person); and one
/// deliberation's anonymised record, from its state — only once decided, else a 404 page. Texts people wrote were masked
/// when written; here the decision and minutes are masked again of the raiser's name and phone, and every masked form
/// (139****1122, 欧**) is dropped (<see cref="PublicText"/>).
/// </summary>
public static class DeliberationPagesFunction
{
    public static readonly HttpTrigger StreetTrigger = new("GET", DeliberationPaths.StreetRoute);
    public static readonly HttpTrigger OneTrigger = new("GET", DeliberationPaths.OneRoute);
    private const string Missing = "链接可能不完整，或这个议题还没有形成决议，请向社区工作人员确认。";
    private const int MaxTopics = 60;

    public static async Task<IResult> RunStreet(HttpContext context, string streetId, StorageClients storage, CommunityDirectory directory, PageRenderer pages,
        IOptions<PublicPageOptions> options)
    {
        var ct = context.RequestAborted;
        var snapshot = await directory.GetAsync(ct);
        if (!snapshot.Streets.TryGetValue(streetId, out var street)) return await pages.MissingAsync("没有找到这个街道", Missing);
        var rows = await DeliberationRows.ReadAsync(storage, DeliberationModule.PublicList(street.Id), MaxTopics, ct);
        return await pages.PageAsync<DeliberationsPublicPage>(new()
        {
            [nameof(DeliberationsPublicPage.StreetId)] = street.Id,
            [nameof(DeliberationsPublicPage.StreetName)] = street.Name,
            [nameof(DeliberationsPublicPage.Topics)] = rows.Select(r => new DeliberationsPublicPage.TopicRow(r.Id, PublicText.WithoutMasked(r.Title), snapshot.CommunityName(r.CommunityId, street.Name),
                r.StatusText, r.OpinionCount, r.ActionCount, r.ActionsDone, r.RatingCount, r.RatingAverage)).ToList(),
            [nameof(DeliberationsPublicPage.BaseUrl)] = options.Value.BaseFor(context.Request),
        }, "public, max-age=60");
    }

    public static async Task<IResult> RunOne(HttpContext context, string streetId, string deliberationId, DeliberationStore store, CommunityDirectory directory,
        PageRenderer pages, IOptions<PublicPageOptions> options)
    {
        var ct = context.RequestAborted;
        var snapshot = await directory.GetAsync(ct);
        if (!snapshot.Streets.TryGetValue(streetId, out var street)) return await pages.MissingAsync("没有找到这个街道", Missing);
        var s = DeliberationAccess.IsWellFormed(deliberationId) ? (await store.LoadAsync(deliberationId, ct))?.State : null;
        if (s is null || s.StreetId != street.Id || !s.Status.IsPublic())
            return await pages.MissingAsync("没有找到这个议题", Missing, street.Name, DeliberationPaths.Street(street.Id), $"看看{street.Name}的议事");
        var known = s.Contact is { } c ? new KnownPersonalData(c.Name, null, c.Phone) : null;
        // Redacted, and the masked forms staff see dropped: the page is for anyone.
        string Clean(string text) => PublicText.WithoutMasked(FreeTextRedactor.Redact(text, known));
        var topic = new DeliberationPublicPage.PublicTopic(s.Id, s.StreetId, snapshot.CommunityName(s.CommunityId, street.Name), s.Estate, Clean(s.Title),
            Clean(s.Description), s.Status.Chinese(), s.Status.Step(), TopicSource.Chinese(s.Source), s.RaisedAt, s.Meeting?.At, s.Meeting?.Place,
            string.Join("、", (s.Meeting?.Parties ?? []).Select(DeliberationParty.Chinese)),
            string.Join("、", (s.Meeting?.UnitIds ?? []).Select(u => snapshot.Units.TryGetValue(u, out var unit) ? unit.Name : u)),
            OpinionCounts(s), s.Attendees, DeliberationCommandRunner.VoteOf(s), s.Decision is null ? null : Clean(s.Decision),
            s.Minutes is null ? null : Clean(s.Minutes),
            [.. s.Actions.Select(a => DeliberationCommandRunner.ActionOf(a) with { Text = Clean(a.Text), Address = null })], s.Ratings.Count, s.AverageRating);
        return await pages.PageAsync<DeliberationPublicPage>(new()
        {
            [nameof(DeliberationPublicPage.Topic)] = topic,
            [nameof(DeliberationPublicPage.BaseUrl)] = options.Value.BaseFor(context.Request),
        }, "public, max-age=60");
    }

    /// <summary>"居民 3 条、物业公司 1 条": by kind of author, never who.</summary>
    private static string OpinionCounts(DeliberationState s) => s.Opinions.Count == 0 ? "没有书面意见"
        : string.Join("、", s.Opinions.GroupBy(o => o.AuthorKind).Select(g => $"{DeliberationParty.Chinese(g.Key)} {g.Count()} 条"));
}
