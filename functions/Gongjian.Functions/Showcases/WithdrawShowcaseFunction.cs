using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Showcases;

/// <summary>
/// 撤回晒单: the organizer of the showcase's street (or an admin) takes it off the public pages. Its page then
/// answers 410 with a Chinese page, the JSON 410 <c>showcase_withdrawn</c>, its photos 404; the list leaves it out.
/// </summary>
public static class WithdrawShowcaseFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "showcases/{id}/withdraw");

    public static async Task<IResult> Run(HttpContext context, string id, ShowcaseStore showcases, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        if (caller.Role is not (ActorRole.Organizer or ActorRole.Admin))
            throw ApiProblem.Forbidden("role_not_allowed", "只有街道组织方可以撤回晒单。");
        var found = await showcases.GetAsync(id, ct) ?? throw ApiProblem.NotFound("showcase_not_found", "晒单不存在。");
        if (caller.Role == ActorRole.Organizer && found.View.StreetId != caller.Scope)
            throw ApiProblem.Forbidden("outside_scope", "这篇晒单不属于您的街道。");
        var at = clock.GetUtcNow();
        return await showcases.WithdrawAsync(found.View.Id, caller.AsActor(), at, ct) switch
        {
            ShowcaseStore.Withdrawal.Withdrawn => Results.Json(new WithdrawnShowcaseView(found.View.Id, found.View.StreetId, at), ApiJson.Web.WithdrawnShowcaseView),
            ShowcaseStore.Withdrawal.NotFound => throw ApiProblem.NotFound("showcase_not_found", "晒单不存在。"),
            ShowcaseStore.Withdrawal.Changed => throw ApiProblem.Conflict("showcase_changed", "这篇晒单刚被他人修改，请刷新后再试。"),
            _ => throw ApiProblem.Conflict("showcase_withdrawn", "这篇晒单已撤回，无需再次撤回。"),
        };
    }
}
