using Gongjian.Domain.Orders;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Access;

/// <summary>A module's list partitions: per community, per street and per unit (<c>c-…</c>, <c>s-…</c>, <c>u-…</c>).</summary>
public sealed record ListPartitions(Func<string, string> Community, Func<string, string> Street, Func<string, string> Unit);

/// <summary>
/// Which one list partition a staff member's list request reads (<c>?community=&amp;street=&amp;unit=</c>): a dispatcher its
/// community, a liaison its unit, an organizer its street or one of its communities, an admin the one named
/// (<c>400 scope_required</c> without). Anything else is <c>403 outside_scope</c>, saying what could not be seen.
/// </summary>
public static class StaffListScope
{
    public static string Partition(Caller caller, CommunityDirectory.Snapshot snapshot, string? community, string? street, string? unit,
        ListPartitions lists, string outsideTitle)
    {
        ApiProblem Outside() => ApiProblem.Forbidden("outside_scope", outsideTitle);
        return caller.Role switch
        {
            ActorRole.Dispatcher when street is null && unit is null && (community ?? caller.Scope) == caller.Scope => lists.Community(caller.Scope),
            ActorRole.Liaison when community is null && street is null && (unit ?? caller.Scope) == caller.Scope => lists.Unit(caller.Scope),
            ActorRole.Organizer when unit is null && (street ?? caller.Scope) == caller.Scope =>
                community is null ? lists.Street(caller.Scope)
                : snapshot.Communities.TryGetValue(community, out var c) && c.StreetId == caller.Scope ? lists.Community(community)
                : throw Outside(),
            ActorRole.Admin => community is not null ? lists.Community(community)
                : unit is not null ? lists.Unit(unit)
                : street is not null ? lists.Street(street)
                : throw ApiProblem.BadRequest("scope_required", "请指定 community、street 或 unit 之一。"),
            _ => throw Outside(),
        };
    }
}
