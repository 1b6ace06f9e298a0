using System.Diagnostics;
using Gongjian.Functions.Observability;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Gongjian.Functions.Tests.Observability;

/// <summary>
/// One tracer and one meter provider, configured as the app configures them, exporting in memory.
/// One for all the observed apps rather than one per app: listeners are process-wide, and concurrent
/// providers with ASP.NET Core instrumentation lose each other's request spans. Tests find their own
/// spans by order id, correlation id or invocation id.
/// </summary>
public sealed class TelemetryFixture : IDisposable
{
    private readonly TracerProvider _tracer;
    private readonly MeterProvider _meter;

    public TelemetryFixture()
    {
        _tracer = Sdk.CreateTracerProviderBuilder().AddGongjianTracing().AddInMemoryExporter(Spans).Build();
        _meter = Sdk.CreateMeterProviderBuilder().AddGongjianMetrics().AddInMemoryExporter(Metrics).Build();
    }

    public SyncList<Activity> Spans { get; } = new();
    public SyncList<MetricSnapshot> Metrics { get; } = new();

    /// <summary>Pushes the metrics recorded so far to <see cref="Metrics"/>.</summary>
    public void FlushMetrics() => _meter.ForceFlush();

    public void Dispose()
    {
        _tracer.Dispose();
        _meter.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ObservabilityCollection : ICollectionFixture<TelemetryFixture>
{
    public const string Name = "Observability";
}
