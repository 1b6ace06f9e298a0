using Gongjian.Domain.Community;
using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Open311;

/// <summary>GET services: the service categories, in JSON or XML.</summary>
public static class ListServicesFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "open311/v2/services.{format}");

    public static IResult Run(HttpContext context, string format)
    {
        var fmt = Open311Formats.Parse(format);
        return Open311Writer.Result(fmt, new Open311Document("services",
            new Open311List("service", ServiceCategory.All.Select(c => (Open311Node)ServiceCatalog.Service(c)).ToList())));
    }
}
