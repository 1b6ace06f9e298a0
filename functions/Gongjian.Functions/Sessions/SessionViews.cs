using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;

namespace Gongjian.Functions.Sessions;

public sealed record SignInRequest
{
    /// <summary>The staff key (<c>gjk_…</c>); read once, never stored or echoed.</summary>
    public required string Key { get; init; }
}

/// <summary>Who is signed in, and the token the console sends with each write (<c>X-Gongjian-Csrf</c>).</summary>
public sealed record SessionView(
    string Role, string RoleName, string Scope, string ScopeName, string Name, string KeyId, string CsrfToken, DateTimeOffset ExpiresAt)
{
    public static SessionView Of(StaffSessions.Session session, CommunityDirectory.Snapshot directory)
    {
        var c = session.Caller;
        var (roleName, scopeName) = c.Role switch
        {
            ActorRole.Dispatcher => ("派单员", directory.CommunityName(c.Scope, c.Scope)),
            ActorRole.Liaison => ("单位联络员", directory.Units.TryGetValue(c.Scope, out var u) ? u.Name : c.Scope),
            ActorRole.Organizer => ("组织方", directory.Streets.TryGetValue(c.Scope, out var s) ? s.Name : c.Scope),
            ActorRole.GridWorker => ("网格员", Grids.GridIds.TryParse(c.Scope, out var community, out var grid) ? $"{directory.CommunityName(community, community)}·{grid}" : c.Scope),
            _ => ("管理员", "全部"),
        };
        return new(Caller.RoleCode(c.Role), roleName, c.Scope, scopeName, c.Name, c.KeyId, session.CsrfToken, session.ExpiresAt);
    }
}
