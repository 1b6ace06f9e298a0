namespace Gongjian.Bot.Conversations.Grid;

/// <summary>
/// What the bot asks next while a grid worker's report is taken; <see cref="Confirm"/>: the summary card is shown;
/// <see cref="Revise"/>: the worker chose 修改 and is asked which item.
/// </summary>
public enum GridReportSlot { Photo, Category, Location, Text, Confirm, Revise }

/// <summary>
/// A 格事坊 report being taken in chat: photos (staged ids only), category, the shared location, a place as the channel
/// or the worker named it, and the worker's words. <see cref="DraftId"/> makes filing it twice land on one report.
/// </summary>
public sealed record GridReportDraftState
{
    public required string DraftId { get; init; }
    public IReadOnlyList<string> Photos { get; init; } = [];
    public string? Category { get; init; }
    public string? CategoryName { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public string? Place { get; init; }
    public string? Text { get; init; }

    /// <summary>The first thing still missing, in the order the bot asks for it.</summary>
    public GridReportSlot Missing =>
        Photos.Count == 0 ? GridReportSlot.Photo
        : Category is null ? GridReportSlot.Category
        : Lat is null || Lon is null ? GridReportSlot.Location
        : Text is null ? GridReportSlot.Text
        : GridReportSlot.Confirm;
}

public sealed record FilingGridReport(GridReportDraftState Draft, GridReportSlot Asking) : DialogStep;
