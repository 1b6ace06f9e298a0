namespace Gongjian.Understanding.Slots;

/// <summary>
/// Matches the caller's directory against the text: each community's name ("东七里社区"), the name
/// without 社区 ("东七里") and its aliases (estates such as "宝盛小区"). The longest matched name wins,
/// then the earliest, so "东七里社区" beats an alias "七里" and a message naming two communities
/// is read as the first one mentioned.
/// </summary>
internal static class CommunityFinder
{
    public static string? Find(string text, IReadOnlyList<KnownCommunity> communities)
    {
        string? bestId = null;
        int bestLength = 0, bestAt = int.MaxValue;
        foreach (var community in communities)
        {
            if (community is null || string.IsNullOrWhiteSpace(community.Id)) continue;
            foreach (var name in NamesOf(community))
            {
                var at = text.IndexOf(name, StringComparison.Ordinal);
                if (at < 0) continue;
                if (name.Length > bestLength || (name.Length == bestLength && at < bestAt))
                    (bestId, bestLength, bestAt) = (community.Id, name.Length, at);
            }
        }
        return bestId;
    }

    /// <summary>Every name people use for a community, as the place finder also needs them.</summary>
    public static IEnumerable<string> NamesOf(KnownCommunity community)
    {
        if (!string.IsNullOrWhiteSpace(community.Name))
        {
            yield return community.Name;
            if (community.Name.EndsWith("社区", StringComparison.Ordinal) && community.Name.Length >= 4)
                yield return community.Name[..^2];
        }
        foreach (var alias in community.Aliases ?? [])
            if (!string.IsNullOrWhiteSpace(alias) && alias.Length >= 2) yield return alias;
    }
}
