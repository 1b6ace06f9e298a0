using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;

namespace Gongjian.Functions.ContactAudit;

/// <summary>
/// 联系方式查看记录: who saw the resident's unmasked phone and address on this order, newest first.
/// For the street's organizer, admins and the dispatcher of the order's community; units never.
/// </summary>
public static class ListContactViewsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "orders/{id}/contact-views");
    private const int Max = 200;

    public static async Task<IResult> Run(HttpContext context, string id, OrderStore orders, ContactViewLog log)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        if (caller.Role is not (ActorRole.Dispatcher or ActorRole.Organizer or ActorRole.Admin))
            throw ApiProblem.Forbidden("role_not_allowed", "只有派单员、街道组织方和管理员可以查看联系方式查看记录。");
        var state = (OrderIds.IsWellFormed(id) ? await orders.LoadAsync(id, ct) : null)?.State
            ?? throw ApiProblem.NotFound("order_not_found", "工单不存在，请检查工单编号。");
        if (!OrderAccess.CanSee(caller, state))
            throw ApiProblem.Forbidden("outside_scope", "该工单不在您的管辖范围内。");
        var entries = await log.ListAsync(state.Id, Max, ct);
        var items = entries.Select(e => new ContactViewEntry(e.At, e.KeyId, Caller.RoleCode(e.Role), Caller.RoleName(e.Role), e.Name, e.Via,
            e.Via == ContactViewLog.ViaConsole ? "工作台" : "接口")).ToList();
        return Results.Json(new ContactViewsView(state.Id, items), ApiJson.Web.ContactViewsView);
    }

}

public sealed record ContactViewEntry(DateTimeOffset At, string KeyId, string Role, string RoleName, string Name, string Via, string ViaName);

public sealed record ContactViewsView(string OrderId, IReadOnlyList<ContactViewEntry> Items);

/// <summary>
/// 联系方式查看记录 of a 微心愿: who saw the resident's (or a person claimer's) unmasked name and phone, newest first. As for
/// orders: the street's organizer, admins and the dispatcher of the wish's community; units never.
/// </summary>
public static class ListWishContactViewsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "wishes/{id}/contact-views");
    private const int Max = 200;

    public static async Task<IResult> Run(HttpContext context, string id, Wishes.WishCommandRunner wishes, ContactViewLog log)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        if (caller.Role is not (ActorRole.Dispatcher or ActorRole.Organizer or ActorRole.Admin))
            throw ApiProblem.Forbidden("role_not_allowed", "只有派单员、街道组织方和管理员可以查看联系方式查看记录。");
        var state = (await wishes.FindAsync(id, ct)).State;
        if (!Wishes.WishAccess.IsStaffInScope(caller, state))
            throw ApiProblem.Forbidden("outside_scope", "该心愿不在您的管辖范围内。");
        var entries = await log.ListAsync(state.Id, Max, ct);
        var items = entries.Select(e => new ContactViewEntry(e.At, e.KeyId, Caller.RoleCode(e.Role), Caller.RoleName(e.Role), e.Name, e.Via,
            e.Via == ContactViewLog.ViaConsole ? "工作台" : "接口")).ToList();
        return Results.Json(new WishContactViewsView(state.Id, items), ApiJson.Web.WishContactViewsView);
    }
}

public sealed record WishContactViewsView(string WishId, IReadOnlyList<ContactViewEntry> Items);
