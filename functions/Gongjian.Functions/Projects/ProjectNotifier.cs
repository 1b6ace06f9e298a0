using Gongjian.Bot.Notifications;
using Gongjian.Domain.Projects;
using Gongjian.Engine;
using Gongjian.Functions.Engine;

namespace Gongjian.Functions.Projects;

/// <summary>
/// The project module's fan-out: staff hear of new claims and 督办, a unit hears how its claim was
/// decided and is reminded (催办) of the milestones it owes a report on. Safe to run twice: ids
/// derive from the event or timer id. Texts name the project and units (organizations), nobody's person.
/// </summary>
public sealed class ProjectNotifier(NotificationSender sender) : INotifier<ProjectState>
{
    public async Task NotifyAsync(EventMessage message, ProjectState state, CancellationToken ct)
    {
        foreach (var (to, kind, text) in ProjectTexts.For(message, state))
            // No order id: the console's inbox would link the notice as an order and a group robot would call it 工单号.
            await sender.SendAsync($"{message.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, kind, text, ct, sequence: message.Sequence);
    }

    public async Task RemindAsync(TimerMessage timer, ProjectState state, CancellationToken ct)
    {
        foreach (var (to, text) in ProjectTexts.Reminders(state, timer.Step))
            await sender.SendAsync($"{timer.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, "reminder", text, ct, sequence: state.Version);
    }
}

public static class ProjectTexts
{
    private static Recipient Staff(ProjectState s) =>
        s.CommunityId is { } community ? new(RecipientKind.Dispatcher, community) : new(RecipientKind.Organizer, s.StreetId);

    public static IEnumerable<(Recipient To, string Kind, string Text)> For(EventMessage m, ProjectState s)
    {
        var what = $"项目“{s.Title}”";
        var unit = m.Fact("unitId");
        switch (m.Type)
        {
            case nameof(ProjectClaimed):
                var claimer = s.Claims.FirstOrDefault(c => c.ClaimId == m.Fact("claimId"))?.UnitName ?? "有单位";
                yield return (Staff(s), "project_claimed", $"【待审核】{claimer}认领了{what}，请审核。");
                break;
            case nameof(ClaimApproved) when unit is not null:
                yield return (new(RecipientKind.Unit, unit), "claim_approved", $"您单位对{what}的认领已通过审核，感谢参与！");
                break;
            case nameof(ClaimDeclined) when unit is not null:
                yield return (new(RecipientKind.Unit, unit), "claim_declined", $"您单位对{what}的认领未通过：{m.Fact("reason")}。");
                break;
            case nameof(ProjectStarted):
                foreach (var u in s.ApprovedUnits) yield return (new(RecipientKind.Unit, u), "project_started", $"{what}已开始实施，请按节点填报进展。");
                break;
            case nameof(MilestoneEscalated):
                var m1 = s.Milestones.FirstOrDefault(x => x.Id == m.Fact("milestoneId"));
                yield return (Staff(s), "escalation", $"【督办】{what}节点“{m1?.Title}”已到期，仍有单位未填报进展。");
                break;
            case nameof(ProjectCancelled):
                foreach (var c in s.Claims.Where(c => c.HoldsPlace)) yield return (new(RecipientKind.Unit, c.UnitId), "project_cancelled", $"{what}已取消：{m.Fact("reason")}。");
                break;
        }
    }

    /// <summary>催办: each approved unit still owing the milestone's report.</summary>
    public static IEnumerable<(Recipient To, string Text)> Reminders(ProjectState s, string? step)
    {
        var milestone = s.Milestones.FirstOrDefault(m => ProjectModule.MilestoneStep(m.Id).Equals(step, StringComparison.OrdinalIgnoreCase));
        if (milestone is null) yield break;
        foreach (var u in s.ApprovedUnits.Where(u => !s.Reports.Any(r => r.UnitId == u && r.MilestoneId == milestone.Id)))
            yield return (new(RecipientKind.Unit, u), $"【催办】项目“{s.Title}”节点“{milestone.Title}”请在 {NotificationTexts.Local(milestone.DueAt)} 前填报进展。");
    }
}
