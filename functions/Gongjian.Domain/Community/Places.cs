namespace Gongjian.Domain.Community;

/// <summary>A sub-district (街道): the organizer of a party-building community of units.</summary>
public sealed record Street(string Id, string Name, string District);

/// <summary>A community (社区) under a street; it receives and dispatches residents' orders.</summary>
public sealed record CommunityArea(string Id, string Name, string StreetId, DateTimeOffset? RetiredAt = null)
{
    /// <summary>A retired community takes no new orders; its orders stay.</summary>
    public bool IsRetired => RetiredAt is not null;
}

/// <summary>The five administrative levels a member unit belongs to.</summary>
public enum UnitLevel { Province, City, District, Street, Community }

/// <summary>What kind of organisation a member unit is.</summary>
public enum UnitKind { Government, StateOwned, Company, School, Hospital, SocialOrganisation, Other }

/// <summary>A member unit (成员单位) that serves residents in the communities it covers.</summary>
public sealed record MemberUnit(
    string Id,
    string Name,
    string StreetId,
    UnitLevel Level,
    UnitKind Kind,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> CommunityIds,
    DateTimeOffset? RetiredAt = null,
    string? RetiredReason = null)
{
    /// <summary>A retired unit keeps its history (its orders still name it) but takes no new orders.</summary>
    public bool IsRetired => RetiredAt is not null;

    public bool Serves(string category) => Categories.Contains(category, StringComparer.Ordinal);

    public bool Covers(string communityId) => CommunityIds.Contains(communityId, StringComparer.Ordinal);
}
