using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gongjian.Functions.Observability;

public static class TelemetrySetup
{
    /// <summary>
    /// Console lines show their scopes (correlation id, invocation). The OpenTelemetry SDK is registered
    /// only when Application Insights is configured: without an exporter it would be pure cold-start
    /// cost, and the instrumented code is free while nothing listens.
    /// </summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
        if (AzureMonitorSettings.From(builder.Configuration) is not { } monitor) return builder;

        var credential = monitor.CreateCredential();
        void Configure(AzureMonitorExporterOptions o)
        {
            o.ConnectionString = monitor.ConnectionString;
            o.Credential = credential;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["WEBSITE_SITE_NAME"] is { Length: > 0 } site ? site : "gongjian-functions"))
            .WithGongjianSignals()
            .WithTracing(t => t.AddAzureMonitorTraceExporter(Configure))
            .WithMetrics(m => m.AddAzureMonitorMetricExporter(Configure))
            // Log records keep their scopes, which become customDimensions (CorrelationId, InvocationId, …).
            .WithLogging(l => l.AddAzureMonitorLogExporter(Configure), o => { o.IncludeScopes = true; o.IncludeFormattedMessage = true; });
        return builder;
    }

    /// <summary>What is traced and measured, whatever the exporter.</summary>
    public static IOpenTelemetryBuilder WithGongjianSignals(this IOpenTelemetryBuilder otel) =>
        otel.WithTracing(t => t.AddGongjianTracing()).WithMetrics(m => m.AddGongjianMetrics());

    public static TracerProviderBuilder AddGongjianTracing(this TracerProviderBuilder tracing) => tracing
        .AddSource(Telemetry.Name)
        .AddAspNetCoreInstrumentation()
        // Storage calls inside a request or an invocation only: the standalone host's idle queue
        // polls and timer-lock renewals would otherwise be most of the traffic.
        .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = _ => Activity.Current?.Parent is not null);

    public static MeterProviderBuilder AddGongjianMetrics(this MeterProviderBuilder metrics) => metrics
        .AddMeter(Telemetry.Name)
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation();
}
