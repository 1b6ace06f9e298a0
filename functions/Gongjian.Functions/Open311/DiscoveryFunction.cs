using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Open311;

/// <summary>GET discovery: where the GeoReport v2 endpoint is and which formats it speaks (Open311 service discovery).</summary>
public static class DiscoveryFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "open311/v2/discovery.{format}");

    /// <summary>When this endpoint's behaviour last changed; clients compare it to notice changes.</summary>
    private static readonly DateTimeOffset Changeset = new(2026, 12, 5, 0, 0, 0, TimeSpan.FromHours(8));

    public static IResult Run(HttpContext context, string format)
    {
        var fmt = Open311Formats.Parse(format);
        // The endpoint is where this document was served from: /open311/v2 standalone, /api/open311/v2 behind the Functions host.
        var url = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{Open311StandalonePath.BaseOf(context)}";
        var endpoint = new Open311Object([
            ("specification", new Open311Value("http://wiki.open311.org/GeoReport_v2")),
            ("url", new Open311Value(url)),
            ("changeset", new Open311Value(Changeset)),
            ("type", new Open311Value("production")),
            ("formats", new Open311List("format", [new Open311Value("application/json"), new Open311Value("text/xml")])),
        ]);
        return Open311Writer.Result(fmt, new Open311Document("discovery", new Open311Object([
            ("changeset", new Open311Value(Changeset)),
            ("contact", new Open311Value("请联系所在街道办事处（党工委）")),
            ("key_service", new Open311Value("提交诉求需要客户端密钥（api_key），由街道管理员创建：keys create --role open311 --scope 街道编号 --name 应用名称")),
            ("endpoints", new Open311List("endpoint", [endpoint])),
        ])));
    }
}
