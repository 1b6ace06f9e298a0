using Gongjian.Bot.Notifications;
using Gongjian.Domain.GridReports;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Engine;
using Gongjian.Functions.Engine;

namespace Gongjian.Functions.GridReports;

/// <summary>
/// The grid report module's fan-out. A new report goes to the community's staff inbox (to triage); every outcome
/// (resolved, turned into an order, handed over, merged, closed with its order, back from a cancelled order) goes to the
/// reporter's grid inbox (<c>gridworker.{grid}</c>, what a grid worker's key reads in the console) and to the chats bound to the
/// reporter's key (<see cref="Notification.WorkerKeyId"/>). Texts name the
/// category and place, never a location; notes are masked. Ids derive from the event id: a repeated relay is harmless.
/// </summary>
public sealed class GridReportNotifier(NotificationSender sender) : INotifier<GridReportState>
{
    private const string Title = "格事坊";

    public async Task NotifyAsync(EventMessage message, GridReportState s, CancellationToken ct)
    {
        var what = $"“{ReportCategory.NameOf(s.Category)}{(s.Place.Length > 0 ? "·" + FreeTextRedactor.Redact(s.Place) : "")}”（{s.Id}）";
        if (message.Type == nameof(ReportFiled))
        {
            var staff = new Recipient(RecipientKind.Dispatcher, s.CommunityId);
            await sender.SendAsync($"{message.Id}:{staff.Kind}:{staff.Id}".ToLowerInvariant(), null, staff, "grid_report_filed",
                $"网格员上报了{what}，请在格事坊处置。", ct, title: Title, sequence: message.Sequence);
            return;
        }
        var outcome = message.Type switch
        {
            nameof(ReportResolved) => $"已就地解决：{FreeTextRedactor.Redact(s.Note ?? "")}",
            nameof(ReportTurnedIntoOrder) => $"已转为派单 {s.OrderId}，办结后会告诉您。",
            nameof(ReportHandedOver) => $"已转交{s.HandedTo}：{FreeTextRedactor.Redact(s.Note ?? "")}",
            nameof(ReportMerged) => $"与同一地点的上报 {s.MergedInto} 是同一问题，已合并处理。",
            nameof(ReportClosedByOrder) => $"对应的派单 {message.Fact("orderId")} 已办结。",
            nameof(ReportReturnedFromOrder) => "对应的派单未能办理，已退回社区重新处置。",
            _ => null,
        };
        if (outcome is null) return;
        var to = new Recipient(RecipientKind.GridWorker, s.GridId);
        await sender.SendAsync($"{message.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, "grid_report_outcome",
            $"您上报的{what}{outcome}", ct, title: Title, sequence: message.Sequence, workerKeyId: s.Reporter?.Id);
    }

    public Task RemindAsync(TimerMessage timer, GridReportState state, CancellationToken ct) => Task.CompletedTask;
}
