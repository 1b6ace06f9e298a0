using Azure.Data.Tables;
using Gongjian.Domain.Community;
using Gongjian.Domain.Resources;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Dispatching;

/// <summary>
/// 资源匹配: for a need or a project, the member units whose active resources fit — the same category,
/// covering the community (or the whole street), and for a venue room for everyone who benefits. Pure
/// ranking on top of <see cref="UnitSuggestions.CandidatesFor"/> (the same eligible units as dispatch:
/// the street's or covering the community, never retired): more fitting resources first, then units that
/// name the community (not only the whole street), then units serving the category, then the level and id
/// as for dispatch.
/// </summary>
public static class ResourceSuggestions
{
    /// <summary>A resource as its list row shows it (what matching needs, nothing more).</summary>
    public sealed record Offer(string ResourceId, string UnitId, ResourceKind Kind, string Category, string Title, IReadOnlyList<string> CommunityIds, int? Capacity)
    {
        public bool Covers(string? communityId) => CommunityIds.Count == 0 || communityId is null || CommunityIds.Contains(communityId, StringComparer.Ordinal);
    }

    /// <summary>What is asked: category code, the community (null: anywhere in the street) and how many people benefit (0: unknown).</summary>
    public sealed record Ask(string Category, string StreetId, string? CommunityId, int People);

    public sealed record Match(MemberUnit Unit, IReadOnlyList<Offer> Fitting, bool NamesCommunity, bool ServesCategory);

    public static bool Fits(Offer o, Ask ask) =>
        o.Category == ask.Category && o.Covers(ask.CommunityId) && (o.Kind != ResourceKind.Venue || ask.People <= 0 || o.Capacity >= ask.People);

    public static IReadOnlyList<Match> Rank(IEnumerable<MemberUnit> units, IEnumerable<Offer> offers, Ask ask, IReadOnlyCollection<string>? exclude = null)
    {
        var byUnit = offers.Where(o => Fits(o, ask)).GroupBy(o => o.UnitId).ToDictionary(g => g.Key, g => g.ToList());
        var candidates = ask.CommunityId is { } community
            ? UnitSuggestions.CandidatesFor(units, community, ask.StreetId)
            : units.Where(u => !u.IsRetired && u.StreetId == ask.StreetId);
        return candidates
            .Where(u => byUnit.ContainsKey(u.Id) && exclude?.Contains(u.Id) != true)
            .Select(u => new Match(u, byUnit[u.Id], ask.CommunityId is { } c && byUnit[u.Id].Any(o => o.CommunityIds.Contains(c, StringComparer.Ordinal)), u.Serves(ask.Category)))
            .OrderByDescending(m => m.Fitting.Count)
            .ThenByDescending(m => m.NamesCommunity)
            .ThenByDescending(m => m.ServesCategory)
            .ThenByDescending(m => m.Unit.Level)
            .ThenBy(m => m.Unit.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>“提供 法律服务：免费法律咨询、法治讲座；覆盖 东七里社区；场地可容纳 80 人”.</summary>
    public static string Reason(Match m, Ask ask, IReadOnlyDictionary<string, CommunityArea> communities)
    {
        var parts = new List<string> { $"提供 {ServiceCategory.NameOf(ask.Category)}：{string.Join("、", m.Fitting.Select(o => o.Title).Distinct())}" };
        parts.Add(ask.CommunityId is { } c && m.NamesCommunity
            ? $"覆盖 {(communities.TryGetValue(c, out var area) ? area.Name : c)}"
            : "覆盖 全街道");
        if (ask.People > 0 && m.Fitting.Where(o => o.Kind == ResourceKind.Venue).Max(o => o.Capacity) is { } room)
            parts.Add($"场地可容纳 {room} 人");
        return string.Join("；", parts);
    }

    /// <summary>The active resources of a street: one partition of <c>resourceindex</c> (a few hundred rows at most).</summary>
    public static async Task<IReadOnlyList<Offer>> ActiveInStreetAsync(StorageClients storage, string streetId, CancellationToken ct)
    {
        var offers = new List<Offer>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ResourceModule.StreetList(streetId)} and Removed eq false and Status eq {ResourceStatus.Active.Code()}");
        await foreach (var row in storage.Table(TableNames.ResourceIndex).QueryAsync<TableEntity>(filter, 1000, cancellationToken: ct))
        {
            if (!ResourceText.TryParseKind(row.GetString("Kind"), out var kind)) continue;
            offers.Add(new Offer(row.GetString("ResourceId") ?? "", row.GetString("UnitId") ?? "", kind, row.GetString("Category") ?? "", row.GetString("Title") ?? "",
                (row.GetString("CommunityIds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), row.GetInt32("Capacity")));
        }
        return offers;
    }
}

/// <summary>One suggested unit for a need or a project, with the resources that fit and the reason in words.</summary>
public sealed record ResourceSuggestion(int Rank, string UnitId, string Name, IReadOnlyList<string> ResourceIds, bool CoversCommunity, bool ServesCategory, string Reason);

public sealed record ResourceSuggestionsView(string For, string Id, string Category, string CategoryName, string? CommunityId, int People, IReadOnlyList<ResourceSuggestion> Items);
