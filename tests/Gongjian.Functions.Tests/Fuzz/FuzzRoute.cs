using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Fuzz;

/// <summary>One route the app serves: its name (when it has one), methods and pattern.</summary>
public sealed record FuzzRoute(string? Name, IReadOnlyList<string> Methods, RoutePattern Pattern)
{
    public string Method => Methods.Count > 0 ? Methods[0] : "GET";
    public string Label => $"{Method} {Pattern.RawText}" + (Name is null ? "" : $" ({Name})");
    public bool HasParameters => Pattern.Parameters.Count > 0;

    /// <summary>
    /// Every route of the running app, read from its own route table (the composite
    /// <see cref="EndpointDataSource"/>): functions, Direct Line's standalone paths, the chat page,
    /// the API reference. A route added tomorrow is fuzzed tomorrow without a line here.
    /// </summary>
    public static IReadOnlyList<FuzzRoute> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new FuzzRoute(
                e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName,
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? [],
                e.RoutePattern))
            .SelectMany(r => r.Methods.Count <= 1 ? [r] : r.Methods.Select(m => r with { Methods = [m] }))
            .DistinctBy(r => r.Label)
            .OrderBy(r => r.Label, StringComparer.Ordinal)
            .ToList();

    /// <summary>The path with each parameter filled by <paramref name="value"/> (raw, already escaped as wanted).</summary>
    public string Path(Func<RoutePatternParameterPart, string> value)
    {
        var path = new System.Text.StringBuilder();
        foreach (var segment in Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
                path.Append(part switch
                {
                    RoutePatternLiteralPart l => l.Content,
                    RoutePatternSeparatorPart s => s.Content,
                    RoutePatternParameterPart p => value(p),
                    _ => "",
                });
        }
        return path.Length == 0 ? "/" : path.ToString();
    }
}
