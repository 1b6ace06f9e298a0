using Gongjian.Functions.Http;

namespace Gongjian.Functions.Open311;

/// <summary>The format a client asked for with the resource's extension (<c>services.xml</c>, <c>requests.json</c>).</summary>
public enum Open311Format { Json, Xml }

public static class Open311Formats
{
    public const string RouteValue = "format";

    public static Open311Format Parse(string? extension) => extension switch
    {
        "json" => Open311Format.Json,
        "xml" => Open311Format.Xml,
        _ => throw ApiProblem.BadRequest("unsupported_format", "仅支持 .json 和 .xml 两种格式，例如 services.json。", RouteValue),
    };

    /// <summary>The format to answer an error in: the requested one if it is valid, else JSON.</summary>
    public static Open311Format OfRequest(HttpContext context) =>
        context.GetRouteValue(RouteValue) as string == "xml" ? Open311Format.Xml : Open311Format.Json;
}
