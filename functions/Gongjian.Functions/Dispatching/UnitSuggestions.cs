using Gongjian.Domain.Community;

namespace Gongjian.Functions.Dispatching;

/// <summary>
/// Ranks member units for one order, pure: a unit that already declined this order goes last; then those
/// serving its category, then those covering its community, then the lighter load (open orders), then the
/// unit closer to the community (level), then the id. Retired units are never candidates.
/// </summary>
public static class UnitSuggestions
{
    public sealed record Candidate(MemberUnit Unit, bool ServesCategory, bool CoversCommunity, int OpenOrders, bool DeclinedBefore);

    /// <summary>The street's units and any unit covering the community, minus the retired.</summary>
    public static IEnumerable<MemberUnit> CandidatesFor(IEnumerable<MemberUnit> units, string communityId, string streetId) =>
        units.Where(u => !u.IsRetired && (u.Covers(communityId) || u.StreetId == streetId));

    public static IReadOnlyList<Candidate> Rank(IEnumerable<MemberUnit> candidates, string? category, string communityId,
        IReadOnlyDictionary<string, int> load, IReadOnlyCollection<string> declined) =>
        candidates
            .Select(u => new Candidate(u, category is not null && u.Serves(category), u.Covers(communityId), load.GetValueOrDefault(u.Id), declined.Contains(u.Id)))
            .OrderBy(c => c.DeclinedBefore)
            .ThenByDescending(c => c.ServesCategory)
            .ThenByDescending(c => c.CoversCommunity)
            .ThenBy(c => c.OpenOrders)
            .ThenByDescending(c => c.Unit.Level)
            .ThenBy(c => c.Unit.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>Why, in a line a dispatcher reads at a glance: “服务类别相符 · 覆盖本社区 · 在办 2 单”.</summary>
    public static string Reason(Candidate c, string? category)
    {
        List<string> parts =
        [
            category is null ? "工单未分类" : c.ServesCategory ? "服务类别相符" : "不服务该类别",
            c.CoversCommunity ? "覆盖本社区" : "未覆盖本社区",
            c.OpenOrders == 0 ? "暂无在办工单" : $"在办 {c.OpenOrders} 单",
        ];
        if (c.DeclinedBefore) parts.Add("曾退回此单");
        return string.Join(" · ", parts);
    }
}

/// <summary>One suggested unit: its place in the ranking, the facts it was ranked by, and the reason in words.</summary>
public sealed record UnitSuggestion(int Rank, string UnitId, string Name, bool ServesCategory, bool CoversCommunity, int OpenOrders,
    bool DeclinedBefore, string Reason);

/// <summary>The ranking for one order at one version (a dispatch after the order changed is refused with 409).</summary>
public sealed record UnitSuggestionsView(string OrderId, int Version, IReadOnlyList<UnitSuggestion> Items);
