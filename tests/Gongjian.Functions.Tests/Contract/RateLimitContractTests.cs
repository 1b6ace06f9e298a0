using Gongjian.Functions.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Contract;

/// <summary>
/// The contract's 429 is not decoration: an endpoint declares <c>429 rate_limited</c> exactly when a
/// rate-limiting policy guards it. A declared 429 without a limiter lies to the client (and leaves the
/// route unlimited); a limiter without a declared 429 answers something the document does not promise.
/// </summary>
public sealed class RateLimitContractTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IEnumerable<RouteEndpoint> Endpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static string Name(RouteEndpoint e) =>
        e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? e.RoutePattern.RawText ?? e.DisplayName ?? "?";

    private static bool Declares429(Endpoint e) =>
        e.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == StatusCodes.Status429TooManyRequests);

    private static bool Limited(Endpoint e) =>
        e.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null && e.Metadata.GetMetadata<DisableRateLimitingAttribute>() is null;

    [Fact]
    public void An_endpoint_declares_429_if_and_only_if_a_rate_limiting_policy_guards_it()
    {
        var endpoints = Endpoints().ToList();
        Assert.NotEmpty(endpoints);
        var undeclared = endpoints.Where(e => Limited(e) && !Declares429(e) && !Excluded(e)).Select(Name).Order().ToList();
        var unlimited = endpoints.Where(e => Declares429(e) && !Limited(e)).Select(Name).Order().ToList();
        Assert.True(unlimited.Count == 0 && undeclared.Count == 0,
            $"429 declared without a limiter ({unlimited.Count}): {string.Join(", ", unlimited)}\n" +
            $"Limited without 429 in the contract ({undeclared.Count}): {string.Join(", ", undeclared)}");
    }

    /// <summary>
    /// Writes left unlimited on purpose: the messaging platforms' webhooks (signed by Bot Connector, WeChat and
    /// WeCom, which call from their own few addresses for every resident at once) and signing out.
    /// </summary>
    private static readonly string[] UnlimitedWrites = ["BotMessages", "WeChatMessage", "WeComMessage", "/wechat", "/wecom", "DeleteSession"];

    [Fact]
    public void Every_write_is_limited_but_the_platforms_webhooks_and_signing_out()
    {
        var unlimited = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Any(m => m is not ("GET" or "HEAD" or "OPTIONS")) == true)
            .Where(e => !Limited(e)).Select(Name).Except(UnlimitedWrites).Order().ToList();
        Assert.True(unlimited.Count == 0, $"Writes without a limiter ({unlimited.Count}): {string.Join(", ", unlimited)}");
    }

    /// <summary>Left out of the published document (the bot's own endpoint): nothing is promised there.</summary>
    private static bool Excluded(Endpoint e) => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true;
}
