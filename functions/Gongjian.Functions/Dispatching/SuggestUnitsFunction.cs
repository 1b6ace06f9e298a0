using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;

namespace Gongjian.Functions.Dispatching;

/// <summary>
/// 推荐承办单位: the member units a dispatcher may route this order to, best first, each with the reason
/// (serves the category, covers the community, open orders now). For the order's dispatcher, the street's organizer, admins.
/// </summary>
public static class SuggestUnitsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "orders/{id}/suggestions");

    public static async Task<IResult> Run(HttpContext context, string id, OrderStore orders, CommunityDirectory directory, UnitLoad load)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        if (caller.Role is not (ActorRole.Dispatcher or ActorRole.Organizer or ActorRole.Admin))
            throw ApiProblem.Forbidden("role_not_allowed", "只有派单员、街道组织方和管理员可以查看推荐单位。");
        var state = (OrderIds.IsWellFormed(id) ? await orders.LoadAsync(id, ct) : null)?.State
            ?? throw ApiProblem.NotFound("order_not_found", "工单不存在，请检查工单编号。");
        if (!OrderAccess.CanSee(caller, state))
            throw ApiProblem.Forbidden("outside_scope", "该工单不在您的管辖范围内。");
        if (state.Status is not (OrderStatus.Placed or OrderStatus.Declined))
            throw ApiProblem.Conflict("order_not_dispatchable", $"工单当前状态为“{state.Status.Chinese()}”，无需派单。请刷新后查看。");

        var snapshot = await directory.GetAsync(ct);
        var candidates = UnitSuggestions.CandidatesFor(snapshot.Units.Values, state.CommunityId, state.StreetId).ToList();
        var counts = await load.OpenOrdersAsync(candidates, ct);
        var ranked = UnitSuggestions.Rank(candidates, state.Category, state.CommunityId, counts, state.DeclinedUnitIds);
        var items = ranked.Select((c, i) => new UnitSuggestion(i + 1, c.Unit.Id, c.Unit.Name, c.ServesCategory, c.CoversCommunity, c.OpenOrders,
            c.DeclinedBefore, UnitSuggestions.Reason(c, state.Category))).ToList();
        return Results.Json(new UnitSuggestionsView(state.Id, state.Version, items), ApiJson.Web.UnitSuggestionsView);
    }
}
