namespace Gongjian.Domain.Orders;

/// <summary>
/// Where an order came from, recorded when it is placed (<see cref="OrderPlaced.Origin"/>, kept in <see cref="OrderState.Origin"/>):
/// placed directly (a resident, staff, the bot, Open311, the seed), or made of a 议事 decision or a 格事坊 report. What lets the
/// order's end skip looking for a deliberation or report to tell: only an order with that origin — or one placed before
/// origins were recorded (no origin at all) — has one.
/// </summary>
/// <param name="Kind"><see cref="DirectKind"/>, <see cref="DeliberationKind"/> or <see cref="GridReportKind"/>.</param>
/// <param name="Id">The deliberation's or report's id; null for a direct order.</param>
public sealed record OrderOrigin(string Kind, string? Id = null)
{
    public const string DirectKind = "direct";
    public const string DeliberationKind = "deliberation";
    public const string GridReportKind = "gridReport";

    public static readonly OrderOrigin Direct = new(DirectKind);
    public static OrderOrigin Deliberation(string deliberationId) => new(DeliberationKind, deliberationId);
    public static OrderOrigin GridReport(string reportId) => new(GridReportKind, reportId);

    /// <summary>
    /// Whether an order of <paramref name="origin"/> may have come from a source of <paramref name="kind"/>: yes when its
    /// origin is that kind, and when it has none recorded (placed before origins were); no when another is recorded.
    /// </summary>
    public static bool MayBe(OrderOrigin? origin, string kind) => origin is null || origin.Kind == kind;
}
