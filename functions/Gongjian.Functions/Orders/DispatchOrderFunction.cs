using Gongjian.Domain.Orders;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Orders;

/// <summary>社区派单: the community's dispatcher routes the order to a member unit.</summary>
public static class DispatchOrderFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "orders/{id}/dispatch");

    public static async Task<IResult> Run(HttpContext context, string id, OrderCommandRunner runner, CommunityDirectory directory)
    {
        var request = await JsonBody.ReadAsync(context, ApiJson.Web.DispatchRequest);
        var snapshot = await directory.GetAsync(context.RequestAborted);
        if (!snapshot.Units.TryGetValue(request.UnitId, out var unit))
            throw ApiProblem.BadRequest("unknown_unit", "成员单位不存在，请检查单位编号。", "unitId");
        if (unit.IsRetired)
            throw ApiProblem.BadRequest("unit_retired", $"{unit.Name}已退出共建，不再接收新工单，请选择其他单位。", "unitId");
        return await runner.RunAsync(context, id, by => new DispatchOrder { By = by, Unit = unit, Category = request.Category, Note = request.Note });
    }
}
