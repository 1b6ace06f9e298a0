using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations.Liaison;
using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.Grid;

/// <summary>
/// 随手拍 for a bound grid worker: a photo (with a caption or not), the location the channel shares and a few words,
/// in any order and over several messages; the bot asks for what is missing (photo, 类别 as buttons, 位置, 说明), shows
/// the summary card and on 确认上报 files the report through the desk as that worker. 我的上报 lists the reports filed here.
/// Photos are staged like a resident's (checked and stripped of EXIF/GPS on arrival; only their ids are in the state).
/// </summary>
public sealed class GridReportDialog(IGridReportDesk desk, IOrderDesk orders, PhotoReader photos)
{
    private static readonly HashSet<string> StartWords = ["随手拍", "上报", "我要上报", "上报问题", "格事坊"];
    private static readonly HashSet<string> MineWords = ["我的上报", "上报进度", "查上报", "我的随手拍", "查进度", "进度"];
    private static readonly HashSet<string> ConfirmWords = ["确认上报", "确认", "提交", "确认提交", "确定"];
    private static readonly HashSet<string> ReviseWords = [Texts.Revise, "改一下", "修改上报", "不对", "改"];

    /// <summary>我的上报 and its other wordings (a chat not bound to a grid worker is told how to bind).</summary>
    public static bool AsksForMine(string text) => MineWords.Contains(Intents.Bare(Intents.Normalize(text))) && Intents.Bare(Intents.Normalize(text)) is not ("查进度" or "进度");

    /// <summary>Everything a bound grid worker sends that is not a global command (取消, 帮助, 绑定…).</summary>
    public async Task<TurnResult> OnMessageAsync(Turn turn, CancellationToken ct)
    {
        var data = turn.Data;
        var bare = Intents.Bare(Intents.Normalize(turn.Text));
        var step = data.Step as FilingGridReport;
        var hasFiles = PhotoReader.Files(turn.Activity).Count > 0;
        var place = SharedPlace.From(turn.Activity);
        if (MineWords.Contains(bare)) return TurnResult.Say(data, [await MineAsync(data, ct), .. step is null ? [] : new[] { Ask(step) }]);
        if (step is null && !hasFiles && place is null)
        {
            if (StartWords.Contains(bare)) return Next(data, New(), []);
            // 确认上报 pressed again on a card already answered: not a new report.
            if (ConfirmWords.Contains(bare)) return TurnResult.Say(data, new Reply(GridReportTexts.NothingToConfirm, GridReportTexts.Menu));
            if (bare.Length < 4 || SmallTalk.Read(turn.Text) is not null)
                return TurnResult.Say(data, new Reply(GridReportTexts.Greeting(data.GridWorker!.GridName), GridReportTexts.Menu));
        }

        // 谢谢, 好的, 稍等 in the middle of a report are not its place or words: the question is asked again.
        if (step is not null && !hasFiles && place is null && !ConfirmWords.Contains(bare) && SmallTalk.Read(turn.Text) is not null)
            return TurnResult.Say(data, Ask(step));

        var draft = step?.Draft ?? New();
        var said = new List<string>();
        if (hasFiles)
        {
            var read = await photos.ReadAsync(turn.Activity, mayDownload: !DirectLine.DirectLineChannel.IsLocal(turn.Reference), ct);
            if (read.Problem is { } problem) return TurnResult.Say(data, [problem, .. step is null ? [] : new[] { Ask(step) }]);
            var room = GridReportTexts.PhotosMax - draft.Photos.Count;
            if (room > 0)
            {
                var staged = await orders.StagePhotosAsync([.. read.Photos.Take(room)], ct);
                if (staged.Value is not { } ids) return TurnResult.Say(data, [staged.Refusal!, .. step is null ? [] : new[] { Ask(step) }]);
                draft = draft with { Photos = [.. draft.Photos, .. ids.Ids] };
            }
            said.Add(read.Photos.Count > room ? GridReportTexts.TooManyPhotos : GridReportTexts.PhotoReceived);
        }
        if (place is not null)
        {
            var name = (place.Name ?? "").Trim();
            draft = draft with { Lat = place.Latitude, Lon = place.Longitude, Place = draft.Place ?? (name.Length >= 2 ? Clip(name, GridReportTexts.PlaceMax) : null) };
            said.Add(GridReportTexts.LocationReceived);
        }

        // Stored as the worker wrote it (full-width punctuation and all), like the phone page's text.
        var text = turn.Text;
        if (text.Length > 0 && !StartWords.Contains(bare))
        {
            if (hasFiles || place is not null || step is null || step.Asking is GridReportSlot.Photo or GridReportSlot.Text)
            {
                // A caption with the photo, the first words of a report, or the answer to 说明.
                if (Intents.Bare(text).Length < 2 && step?.Asking == GridReportSlot.Text) return TurnResult.Say(data, GridReportTexts.TextTooShort);
                // Too long: refused, but a photo or location that came with it is kept in the draft.
                if (text.Length > GridReportTexts.TextMax)
                    return TurnResult.Say(step is null && !hasFiles && place is null ? data : data with { Step = new FilingGridReport(draft, step?.Asking ?? draft.Missing) },
                        GridReportTexts.TextTooLong);
                // Alone, a short word while the bot waits for a photo is not a description (好的, 稍等).
                var least = hasFiles || place is not null || step?.Asking == GridReportSlot.Text ? 2 : 4;
                if (Intents.Bare(text).Length >= least) draft = draft with { Text = text };
            }
            else if (step.Asking == GridReportSlot.Category)
            {
                if (Category(text) is not { } category)
                    return TurnResult.Say(data, new Reply(GridReportTexts.BadCategory, [.. desk.Categories.Select(c => c.Name)]));
                draft = draft with { Category = category.Code, CategoryName = category.Name };
            }
            else if (step.Asking == GridReportSlot.Location)
            {
                // Words are the place as the worker names it; the shared location is still needed.
                draft = draft with { Place = Clip(text, GridReportTexts.PlaceMax) };
                said.Add(GridReportTexts.PlaceNoted);
            }
            else if (step.Asking == GridReportSlot.Confirm && ConfirmWords.Contains(bare) && draft.Missing == GridReportSlot.Confirm)
                return await FileAsync(turn, draft, ct);
            else if (step.Asking == GridReportSlot.Confirm && ReviseWords.Contains(bare))
                return TurnResult.Say(data with { Step = step with { Asking = GridReportSlot.Revise } }, Ask(step with { Asking = GridReportSlot.Revise }));
            else if (step.Asking == GridReportSlot.Revise)
            {
                // The chosen item is asked again; the revised draft is a new one (filing it is a new message, not a retry).
                var revised = Intents.Bare(text) switch
                {
                    "类别" or "类型" => draft with { Category = null, CategoryName = null },
                    "地点" or "位置" or "定位" => draft with { Lat = null, Lon = null, Place = null },
                    "说明" or "描述" or "问题" => draft with { Text = null },
                    _ => null,
                };
                // 确认上报 on the card still on the screen: nothing was changed, so it is filed as it is.
                if (revised is null && ConfirmWords.Contains(bare) && draft.Missing == GridReportSlot.Confirm) return await FileAsync(turn, draft, ct);
                if (revised is null) return TurnResult.Say(data, Ask(step));
                return Next(data, revised with { DraftId = New().DraftId }, []);
            }
            else if (step.Asking == GridReportSlot.Confirm)
                return TurnResult.Say(data, [GridReportTexts.ConfirmOrCancel, Summary(draft)]);
        }
        return Next(data, draft, said);
    }

    /// <summary>The question the conversation is waiting on, asked again after an interruption.</summary>
    public Reply Ask(FilingGridReport step) => step.Asking switch
    {
        GridReportSlot.Photo => GridReportTexts.AskPhoto,
        GridReportSlot.Category => new Reply(GridReportTexts.AskCategory, [.. desk.Categories.Select(c => c.Name)]),
        GridReportSlot.Location => GridReportTexts.AskLocation,
        GridReportSlot.Text => GridReportTexts.AskText,
        GridReportSlot.Revise => new Reply(GridReportTexts.AskRevision, GridReportTexts.RevisableItems),
        _ => Summary(step.Draft),
    };

    public async Task<Reply> MineAsync(ConversationData data, CancellationToken ct)
    {
        if (data.GridWorker is not { } worker) return LiaisonTexts.NotBound;
        // Asked even with none filed here: a retired key hears so rather than "nothing yet".
        var found = await desk.StatusAsync(Actor(worker), data.GridReports, ct);
        if (found.Value is not { } reports) return new Reply(GridReportTexts.Failed(found.Refusal!), GridReportTexts.Menu);
        if (reports.Count == 0) return new Reply(GridReportTexts.NoReports, GridReportTexts.Menu);
        return new Reply(GridReportTexts.MineTitle + "\n" + string.Join("\n", reports.Select(GridReportTexts.Line)), GridReportTexts.Menu);
    }

    private async Task<TurnResult> FileAsync(Turn turn, GridReportDraftState d, CancellationToken ct)
    {
        var worker = turn.Data.GridWorker!;
        var filed = await desk.FileAsync(Actor(worker),
            new GridReportDraft(d.Category!, d.Text!, d.Place ?? "", d.Lat!.Value, d.Lon!.Value, d.Photos, d.DraftId), ct);
        // A refusal here is not one the worker can fix by answering again (the key was retired, the grid is gone): the draft ends.
        if (filed.Value is not { } report)
            return TurnResult.Say(turn.Data with { Step = Idle.Instance }, new Reply(GridReportTexts.Failed(filed.Refusal!), GridReportTexts.Menu));
        var data = turn.Data with { Step = Idle.Instance, GridReports = [report.ReportId, .. turn.Data.GridReports.Where(r => r != report.ReportId).Take(ConversationData.OrdersKept - 1)] };
        return TurnResult.Say(data, new Reply(GridReportTexts.Filed(report.ReportId), GridReportTexts.Menu));
    }

    private TurnResult Next(ConversationData data, GridReportDraftState draft, List<string> said)
    {
        var step = new FilingGridReport(draft, draft.Missing);
        // The place in words is noted; the location is asked for once more, shorter.
        var ask = step.Asking == GridReportSlot.Location && said.Contains(GridReportTexts.PlaceNoted) ? GridReportTexts.AskLocationToo : Ask(step);
        if (step.Asking == GridReportSlot.Confirm) return TurnResult.Say(data with { Step = step }, [.. said.Count > 0 ? new Reply[] { string.Concat(said) } : [], ask]);
        return TurnResult.Say(data with { Step = step }, ask with { Text = string.Concat(said) + ask.Text });
    }

    private Reply Summary(GridReportDraftState d)
    {
        var facts = new List<(string, string)>
        {
            ("类别", d.CategoryName ?? ""), ("说明", d.Text ?? ""), ("地点", d.Place ?? "（已发送定位）"), ("照片", $"{d.Photos.Count} 张"),
        };
        return new Reply(GridReportTexts.ConfirmPrompt, null, [AdaptiveCards.Facts(GridReportTexts.CardTitle, facts, [GridReportTexts.Confirm, Texts.Revise, Texts.Cancel])]);
    }

    private GridReportCategory? Category(string answer)
    {
        var bare = Intents.Bare(answer);
        if (bare.Length == 0) return null;
        return desk.Categories.FirstOrDefault(c => Intents.Bare(c.Name) == bare || c.Code == bare)
            ?? (bare.Length >= 2 ? desk.Categories.FirstOrDefault(c => Intents.Bare(c.Name).Contains(bare, StringComparison.Ordinal)) : null);
    }

    private static GridReportDraftState New() => new() { DraftId = Guid.NewGuid().ToString("N")[..16] };

    private static GridWorkerActor Actor(GridWorkerBinding worker) => new(worker.KeyId, worker.GridId);

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
