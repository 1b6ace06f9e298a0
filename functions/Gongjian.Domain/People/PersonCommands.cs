using Gongjian.Domain.Orders;

namespace Gongjian.Domain.People;

public abstract record PersonCommand
{
    public required Actor By { get; init; }
}

/// <summary>A person reports to their home community (public; they get a code to see their record).</summary>
public sealed record RegisterPerson : PersonCommand
{
    public required string PersonId { get; init; }
    public required string PersonKey { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public required PersonKind Kind { get; init; }
    public required string Name { get; init; }
    public required string Phone { get; init; }
    public required string WorkUnit { get; init; }
    public string? UnitId { get; init; }
    public required string CodeHash { get; init; }
    /// <summary>The team the person asks to join (checked by the app); they join it when staff confirm them.</summary>
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
}

/// <summary>The community's staff confirm the person (who then joins the team asked for at registration, if any).</summary>
public sealed record ConfirmPerson : PersonCommand;

/// <summary>The person (or staff) joins one of the community's teams.</summary>
public sealed record JoinTeam : PersonCommand
{
    public required string TeamId { get; init; }
    public required string TeamName { get; init; }
}

/// <summary>The person (or staff) takes a post (e.g. 楼栋长, 政策宣讲岗).</summary>
public sealed record TakePost : PersonCommand
{
    public required string Post { get; init; }
}

/// <summary>Staff log service hours for the person: a date (China), hours, what was done. Also written as a record.</summary>
public sealed record LogServiceHours : PersonCommand
{
    public required string EntryId { get; init; }
    public required DateOnly Date { get; init; }
    public required decimal Hours { get; init; }
    public required string What { get; init; }
}
