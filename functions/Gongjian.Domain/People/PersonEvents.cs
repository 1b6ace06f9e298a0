using Gongjian.Domain.Orders;

namespace Gongjian.Domain.People;

public abstract record PersonEvent
{
    public required DateTimeOffset OccurredAt { get; init; }
    public required Actor By { get; init; }
}

public sealed record PersonRegistered : PersonEvent
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
    public string? WantedTeamId { get; init; }
    public string? WantedTeamName { get; init; }
}

public sealed record PersonConfirmed : PersonEvent;

public sealed record TeamJoined : PersonEvent
{
    public required string TeamId { get; init; }
    public required string TeamName { get; init; }
}

public sealed record PostTaken : PersonEvent
{
    public required string Post { get; init; }
}

public sealed record ServiceHoursLogged : PersonEvent
{
    public required string EntryId { get; init; }
    public required DateOnly Date { get; init; }
    public required decimal Hours { get; init; }
    public required string What { get; init; }
}
