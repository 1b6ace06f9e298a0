using Gongjian.Domain.Community;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Open311;

/// <summary>GET services/{code}: the attributes a request for this service takes (the community).</summary>
public static class GetServiceDefinitionFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "open311/v2/services/{code}.{format}");

    public static async Task<IResult> Run(HttpContext context, string code, string format, CommunityDirectory directory)
    {
        var fmt = Open311Formats.Parse(format);
        var category = ServiceCategory.Find(code) ?? throw ApiProblem.NotFound("unknown_service", "service_code 不存在，请先查询 services 列表。");
        var snapshot = await directory.GetAsync(context.RequestAborted);
        return Open311Writer.Result(fmt, new Open311Document("service_definition", ServiceCatalog.Definition(category, snapshot)));
    }
}
