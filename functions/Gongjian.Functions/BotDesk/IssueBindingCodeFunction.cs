using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Bot;
using Gongjian.Bot.Storage;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.BotDesk;

/// <summary>
/// Staff issue a one-time code that binds a liaison's chat to a unit: the organizer of the unit's
/// street, a dispatcher of a community it serves, or an admin. The code is shown once (only its hash
/// is kept), expires after <c>Bot:BindingCodeLifetime</c> (24 h) and works once.
/// </summary>
public static class IssueBindingCodeFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "units/{unitId}/binding-codes");

    public static async Task<IResult> Run(
        HttpContext context, string unitId, CommunityDirectory directory, BindingCodes codes, IOptions<BotOptions> options)
    {
        var caller = context.RequireStaff();
        var unit = CreateUnitFunction.IsSlug(unitId) && (await directory.GetAsync(context.RequestAborted)).Units.TryGetValue(unitId, out var found)
            ? found : throw ApiProblem.NotFound("unit_not_found", "成员单位不存在，请检查单位编号。");
        var allowed = caller.Role switch
        {
            ActorRole.Admin => true,
            ActorRole.Organizer => caller.Scope == unit.StreetId,
            ActorRole.Dispatcher => unit.Covers(caller.Scope),
            _ => false,
        };
        if (!allowed) throw ApiProblem.Forbidden("role_not_allowed", "只有该单位所在街道的组织方、服务社区的派单员或管理员可以发放绑定码。");

        var issued = await codes.IssueAsync(unit.Id, unit.Name, $"{Caller.RoleCode(caller.Role)}:{caller.KeyId}", options.Value.BindingCodeLifetime, context.RequestAborted);
        var view = new BindingCodeView(issued.Code, issued.UnitId, issued.UnitName, issued.ExpiresAt,
            $"请联络员在共建小助手中发送“绑定 {issued.Code}”。绑定码只能使用一次，{issued.ExpiresAt.ToOffset(TimeSpan.FromHours(8)):M月d日 HH:mm} 前有效。");
        return Results.Json(view, BotDeskJson.Web.BindingCodeView, statusCode: StatusCodes.Status201Created);
    }
}

public sealed record BindingCodeView(string Code, string UnitId, string UnitName, DateTimeOffset ExpiresAt, string HowToUse);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BindingCodeView))]
[JsonSerializable(typeof(GridBindingCodeView))]
[JsonSerializable(typeof(GridWorkersView))]
public sealed partial class BotDeskJson : JsonSerializerContext
{
    /// <summary>As <c>ApiJson.Web</c>: Chinese stays readable (名字 as characters, not \u escapes).</summary>
    public static BotDeskJson Web => s_web ??= new(new JsonSerializerOptions(Default.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static BotDeskJson? s_web;
}
