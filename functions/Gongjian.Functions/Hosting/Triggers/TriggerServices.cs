using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongjian.Functions.Hosting.Triggers;

public static class TriggerServices
{
    /// <summary>
    /// Registers what runs the queue and timer functions: the standalone <see cref="TriggerHost"/>
    /// unless the Functions host runs them (or <c>Host:Triggers=false</c>). Functions themselves are
    /// declared with <c>app.MapBackgroundFunction(...)</c>.
    /// </summary>
    public static IServiceCollection AddTriggers(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = TriggerSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<TriggerStorage>();
        services.TryAddSingleton<Gongjian.Engine.QueueWakeups>();
        if (settings.Standalone)
        {
            services.AddSingleton<TriggerHost>();
            services.AddHostedService(sp => sp.GetRequiredService<TriggerHost>());
        }
        return services;
    }
}
