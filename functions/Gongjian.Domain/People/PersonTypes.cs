namespace Gongjian.Domain.People;

/// <summary>在职党员/志愿者报到: registered (待确认) → confirmed (已确认).</summary>
public enum PersonStatus { None, Registered, Confirmed }

public static class PersonStatusText
{
    public static string Code(this PersonStatus s) => s.ToString().ToLowerInvariant();

    public static string Chinese(this PersonStatus s) => s switch
    {
        PersonStatus.Registered => "待确认", PersonStatus.Confirmed => "已确认", _ => "无",
    };
}

/// <summary>An in-service party member (在职党员) or a volunteer (志愿者).</summary>
public enum PersonKind { PartyMember, Volunteer }

public static class PersonKindText
{
    public static string Chinese(this PersonKind k) => k == PersonKind.PartyMember ? "在职党员" : "志愿者";
}

/// <summary>Hours staff logged for the person: one entry per <see cref="EntryId"/> (a replay is refused).</summary>
public sealed record HoursEntry(string EntryId, DateOnly Date, decimal Hours, string What, string ByStaff, DateTimeOffset LoggedAt);

/// <summary>A team the person joined (e.g. 学雷锋志愿服务队); teams are listed per community.</summary>
public sealed record TeamMembership(string TeamId, string TeamName, DateTimeOffset JoinedAt);

public static class PersonLimits
{
    public const int NameMax = 20;
    public const int WorkUnitMax = 40;
    public const int PostMax = 20;
    public const int WhatMax = 100;
    public const int MaxTeams = 10;
    public const int MaxPosts = 10;
    public const decimal MaxHoursPerDay = 24m;
    /// <summary>Points per service hour.</summary>
    public const int PointsPerHour = 10;
}

/// <summary>
/// A person reported to their home community. Name, phone and work unit are personal data (PIPL): only the
/// community's staff and the person (with their code) see them; lists carry the <see cref="PersonKey"/> only.
/// </summary>
public sealed record PersonState
{
    public static readonly PersonState Initial = new();

    public string Id { get; init; } = "";
    public int Version { get; init; }
    public PersonStatus Status { get; init; }
    public string PersonKey { get; init; } = "";
    public string CommunityId { get; init; } = "";
    public string StreetId { get; init; } = "";
    public PersonKind Kind { get; init; }
    public string Name { get; init; } = "";
    public string Phone { get; init; } = "";
    public string WorkUnit { get; init; } = "";
    /// <summary>The member unit the person works at, when it is one: their hours count for it too.</summary>
    public string? UnitId { get; init; }
    public string CodeHash { get; init; } = "";
    public IReadOnlyList<TeamMembership> Teams { get; init; } = [];
    /// <summary>The team asked for at registration, joined on confirmation.</summary>
    public string? WantedTeamId { get; init; }
    public string? WantedTeamName { get; init; }
    public IReadOnlyList<string> Posts { get; init; } = [];
    public IReadOnlyList<HoursEntry> Hours { get; init; } = [];
    public DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public decimal LoggedHours => Hours.Sum(h => h.Hours);
}
