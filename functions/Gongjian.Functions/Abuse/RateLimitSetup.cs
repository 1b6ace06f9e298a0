using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Abuse;

/// <summary>Registers the abuse limits and puts them in the pipeline (after staff authentication, so a staff key is its own partition).</summary>
public static class RateLimitSetup
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => !o.Problems().Any(), "Invalid RateLimits settings (see RateLimitOptions).")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<TimeProvider, IOptions<RateLimitOptions>>(
            (options, clock, limits) => RateLimitPolicies.Configure(options, clock, limits.Value));
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            // Only XFF (no scheme or host), and only from the configured proxies: the framework's default trusts loopback.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.ForwardedForHeaderName = limits.Value.ForwardedHeader;
            options.ForwardLimit = limits.Value.ForwardLimit;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var entry in limits.Value.TrustedProxyEntries())
            {
                if (System.Net.IPAddress.TryParse(entry, out var address)) options.KnownProxies.Add(address);
                else options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            }
        });
        return services;
    }

    public static void UseRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.TrustedProxyEntries().Any())
            app.UseForwardedHeaders();
        app.UseRateLimiter();
    }
}
