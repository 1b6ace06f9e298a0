namespace Gongjian.Domain.Orders;

public enum ActorRole { Resident, Dispatcher, Liaison, Organizer, Admin, System, GridWorker }

/// <summary>Who did something: a role and the id it is scoped to (unit id for a liaison, key id for staff).</summary>
public sealed record Actor(ActorRole Role, string Id, string? Name = null)
{
    public static readonly Actor System = new(ActorRole.System, "system", "系统");

    public bool IsStaffWith(ActorRole role) => Role == role || Role == ActorRole.Admin;
}
