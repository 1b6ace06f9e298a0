using Gongjian.Domain.Orders;

namespace Gongjian.Functions.Orders;

public static class ActorNames
{
    /// <summary>How people are named in an order's history: staff by name, residents only as 居民.</summary>
    public static string Of(Actor a) => a.Role switch
    {
        ActorRole.Resident => "居民",
        ActorRole.System => "系统",
        _ => string.IsNullOrWhiteSpace(a.Name) ? a.Role switch
        {
            ActorRole.Dispatcher => "派单员",
            ActorRole.Liaison => "单位联络员",
            ActorRole.Organizer => "街道组织方",
            _ => "管理员",
        } : a.Name!,
    };
}
