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

    /// <summary>A staff role as staff read it in audit lists (联系方式查看记录, 导出记录).</summary>
    public static string RoleName(ActorRole role) => role switch
    {
        ActorRole.Dispatcher => "派单员",
        ActorRole.Liaison => "单位联络员",
        ActorRole.Organizer => "组织方",
        ActorRole.Admin => "管理员",
        ActorRole.GridWorker => "网格员",
        _ => "工作人员",
    };

    public static bool TryParseStaffRole(string? code, out ActorRole role) =>
        Enum.TryParse(code, ignoreCase: true, out role)
        && role is ActorRole.Dispatcher or ActorRole.Liaison or ActorRole.Organizer or ActorRole.Admin or ActorRole.GridWorker;
}
