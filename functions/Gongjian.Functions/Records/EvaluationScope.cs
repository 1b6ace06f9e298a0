using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Records;

/// <summary>
/// Whose evaluation figures a staff member may see (评议记录, indicators): an organizer its street (optionally one
/// community's units), a dispatcher the units serving its community, a liaison its own unit, an admin any named street.
/// Anything asked outside that is <c>403 outside_scope</c>; an unknown unit or street is <c>400</c>.
/// </summary>
public sealed record EvaluationScope(string StreetId, string? UnitId, Func<string?, string?, bool> Sees)
{
    /// <summary>Resolves the scope from the caller and the asked <paramref name="street"/>, <paramref name="unit"/> and <paramref name="community"/>.</summary>
    public static EvaluationScope Resolve(Caller caller, CommunityDirectory.Snapshot snapshot, string? street, string? unit, string? community, string what)
    {
        if (unit is not null && !snapshot.Units.ContainsKey(unit)) throw ApiProblem.BadRequest("unknown_unit", "成员单位不存在，请检查单位编号。", "unit");
        ApiProblem Outside() => ApiProblem.Forbidden("outside_scope", $"只能查看您管辖范围内的{what}。");
        bool Covers(string? unitId, string communityId) => unitId is not null && snapshot.Units.TryGetValue(unitId, out var u) && u.Covers(communityId);
        bool InStreet(string id, string streetId) => snapshot.Communities.TryGetValue(id, out var c) && c.StreetId == streetId;
        switch (caller.Role)
        {
            case ActorRole.Organizer:
                if ((street ?? caller.Scope) != caller.Scope || community is not null && !InStreet(community, caller.Scope)) throw Outside();
                if (unit is not null && snapshot.Units[unit].StreetId != caller.Scope) throw Outside();
                return new(caller.Scope, unit, (u, c) => community is null || c == community || Covers(u, community));
            case ActorRole.Dispatcher:
                if (!snapshot.Communities.TryGetValue(caller.Scope, out var own) || (community ?? own.Id) != own.Id || (street ?? own.StreetId) != own.StreetId)
                    throw Outside();
                if (unit is not null && !snapshot.Units[unit].Covers(own.Id)) throw Outside();
                return new(own.StreetId, unit, (u, c) => u is not null ? Covers(u, own.Id) : c == own.Id);
            case ActorRole.Liaison:
                if (!snapshot.Units.TryGetValue(caller.Scope, out var mine) || (unit ?? mine.Id) != mine.Id || (street ?? mine.StreetId) != mine.StreetId || community is not null)
                    throw Outside();
                return new(mine.StreetId, mine.Id, (u, _) => u == mine.Id);
            case ActorRole.Admin:
                street ??= unit is not null ? snapshot.Units[unit].StreetId
                    : throw ApiProblem.BadRequest("street_required", "请指明街道（street）。", "street");
                if (!snapshot.Streets.ContainsKey(street)) throw ApiProblem.BadRequest("unknown_street", "街道不存在，请检查街道编号。", "street");
                return new(street, unit, (u, c) => community is null || c == community || Covers(u, community));
            default:
                throw Outside();
        }
    }
}
