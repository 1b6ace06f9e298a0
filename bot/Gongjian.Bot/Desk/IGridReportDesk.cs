namespace Gongjian.Bot.Desk;

/// <summary>
/// What a grid worker's chat needs from 格事坊: the categories, filing a report as the bound worker (the same rules,
/// photo checks and records as the console's phone page) and the worker's recent reports. Refusals are Chinese sentences.
/// </summary>
public interface IGridReportDesk
{
    /// <summary>The report categories (code and Chinese name), in the order the phone page shows them.</summary>
    IReadOnlyList<GridReportCategory> Categories { get; }

    /// <summary>
    /// Files the report as the worker, whose key must still be live and scoped to the grid. The draft's staged photos
    /// (<see cref="IOrderDesk.StagePhotosAsync"/>) become the report's; the same draft filed again answers with the same report.
    /// </summary>
    Task<DeskResult<FiledGridReport>> FileAsync(GridWorkerActor worker, GridReportDraft draft, CancellationToken ct);

    /// <summary>The named reports of the worker's grid with their status, newest first; unknown ids are left out.</summary>
    Task<DeskResult<IReadOnlyList<GridReportSummary>>> StatusAsync(GridWorkerActor worker, IReadOnlyList<string> reportIds, CancellationToken ct);
}

public sealed record GridReportCategory(string Code, string Name);

/// <summary>A grid worker acting in chat: the staff key the conversation was bound with, and its grid.</summary>
public sealed record GridWorkerActor(string KeyId, string GridId);

/// <param name="Photos">Ids of photos staged with <see cref="IOrderDesk.StagePhotosAsync"/>.</param>
/// <param name="DraftId">The draft's id in its conversation: filing it again (a 确认 resent) lands on the same report.</param>
public sealed record GridReportDraft(
    string Category, string Text, string Place, double Lat, double Lon, IReadOnlyList<string> Photos, string DraftId);

public sealed record FiledGridReport(string ReportId, string StatusName);

/// <summary>A report as its worker reads it in chat: no location, the text shortened.</summary>
public sealed record GridReportSummary(string ReportId, string CategoryName, string Summary, string StatusName, DateTimeOffset CreatedAt);
