using Gongjian.Functions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Gongjian.Functions.Tests.Hosting;

/// <summary>
/// Every endpoint the app maps runs code the Request Delegate Generator wrote at compile time: none is left to
/// RequestDelegateFactory (reflection and expression trees compiled on the first request: cold start, docs/BENCHMARKS.md).
/// A handler passed to MapMethods as a Delegate variable, or a parameter the generator cannot bind, would land there.
/// </summary>
public sealed class GeneratedEndpointTests
{
    private const string GeneratedNamespace = "Microsoft.AspNetCore.Http.Generated";

    [Fact]
    public async Task Every_endpoint_is_built_by_generated_code()
    {
        await using var app = AppBuilder.Build(["--AzureWebJobsStorage=UseDevelopmentStorage=true"]);
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count >= 45, $"only {endpoints.Count} endpoints");
        var notGenerated = endpoints
            .Where(e => e.RequestDelegate?.Method.DeclaringType?.FullName?.StartsWith(GeneratedNamespace + ".", StringComparison.Ordinal) != true)
            .Select(e => $"{e.RoutePattern.RawText} ({e.RequestDelegate?.Method.DeclaringType?.FullName})").ToList();
        Assert.Empty(notGenerated);
    }
}
