using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// WeChat puts the resident's openid in the server URL's query (<c>?signature=…&amp;openid=…</c>), and ASP.NET Core's
/// "Request starting / finished" lines (category <c>Microsoft.AspNetCore.Hosting.Diagnostics</c>, Information) print
/// the whole URL before any middleware runs. Those lines are kept to warnings and above, for every log provider
/// (a rule per provider, so a provider's own catch-all level cannot bring them back). Request telemetry
/// (OpenTelemetry) redacts query values on its own.
/// </summary>
public static class RequestLinePrivacy
{
    public const string Category = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static IServiceCollection AddRequestLinePrivacy(this IServiceCollection services)
    {
        services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>>(sp => new PostConfigureOptions<LoggerFilterOptions>(null, o =>
        {
            o.Rules.Add(new LoggerFilterRule(null, Category, LogLevel.Warning, null));
            foreach (var provider in sp.GetServices<ILoggerProvider>())
                o.Rules.Add(new LoggerFilterRule(provider.GetType().FullName, Category, LogLevel.Warning, null));
        }));
        return services;
    }
}
