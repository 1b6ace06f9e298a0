using Gongjian.Domain.Orders;

namespace Gongjian.Functions.Access;

/// <summary>
/// Who is calling. Staff are known by their key: a role and the id that role is scoped to
/// (community for a dispatcher, unit for a liaison, street for an organizer, grid <c>{community}.{slug}</c> for a grid
/// worker (网格员); none for admin).
/// </summary>
public sealed record Caller(ActorRole Role, string Scope, string KeyId, string Name)
{
    public Actor AsActor() => Role == ActorRole.Liaison
        ? new Actor(Role, Scope, Name)
        : new Actor(Role, KeyId, Name);

    public static string RoleCode(ActorRole role) => role.ToString().ToLowerInvariant();

    public static bool TryParseStaffRole(string? code, out ActorRole role) =>
        Enum.TryParse(code, ignoreCase: true, out role)
        && role is ActorRole.Dispatcher or ActorRole.Liaison or ActorRole.Organizer or ActorRole.Admin or ActorRole.GridWorker;
}
