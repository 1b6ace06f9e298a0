using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gongjian.Functions.Observability;

/// <summary>
/// The app's own trace source and meter, both named <c>Gongjian</c>. Static, like the framework's:
/// with no listener (no OpenTelemetry SDK registered) starting an activity returns null and
/// recording a measurement is a no-op, so instrumented code costs nothing when telemetry is off.
/// </summary>
public static class Telemetry
{
    public const string Name = "Gongjian";

    /// <summary>Span attribute and log scope key that carry the correlation id everywhere.</summary>
    public const string CorrelationTag = "gongjian.correlation_id";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);
}
