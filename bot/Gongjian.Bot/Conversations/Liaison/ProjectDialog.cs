using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjian.Bot.Desk;
using Gongjian.Domain.Projects;

namespace Gongjian.Bot.Conversations.Liaison;

/// <summary>
/// 项目认领 by message: 看看项目 lists the open projects in the unit's categories (a card), 认领 opens the
/// 认领协议 form, and its submission claims the project through the projects module as the bound unit. Without
/// cards the liaison types the commitment, then the day.
/// </summary>
public sealed partial class ProjectDialog(IProjectDesk desk, TimeProvider clock)
{
    public async Task<TurnResult> ListAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Data.Unit is not { } unit) return TurnResult.Say(turn.Data, new Reply(ProjectChatTexts.NotLiaison, Texts.Menu));
        var open = await desk.OpenProjectsAsync(unit.UnitId, ct);
        return open.Count == 0
            ? TurnResult.Say(turn.Data, new Reply(ProjectChatTexts.NoProjects, Texts.LiaisonMenu))
            : TurnResult.Say(turn.Data, ProjectCards.List(open));
    }

    public async Task<TurnResult> ShowFormAsync(Turn turn, string projectId, CancellationToken ct)
    {
        if (turn.Data.Unit is not { } unit) return TurnResult.Say(turn.Data, new Reply(ProjectChatTexts.NotLiaison, Texts.Menu));
        var found = await desk.FindAsync(unit.UnitId, projectId, ct);
        if (found.Value is not { } project) return TurnResult.Say(turn.Data, new Reply(ProjectChatTexts.Refused(found.Refusal!), Texts.LiaisonMenu));
        var step = new ClaimingProject(project.ProjectId, project.Title, LastDay(project));
        return TurnResult.Say(turn.Data with { Step = step }, ProjectCards.ClaimForm(project, Today()));
    }

    /// <summary>The form's 提交认领: the commitment and the day arrive in the activity's value.</summary>
    public async Task<TurnResult> ClaimFromCardAsync(Turn turn, string projectId, CancellationToken ct)
    {
        var value = turn.Activity.Value;
        var commitment = Read(value, "commitment")?.Trim();
        var day = DateOnly.TryParse(Read(value, "provideBy"), out var d) ? d : (DateOnly?)null;
        if (string.IsNullOrEmpty(commitment) || Intents.Bare(commitment).Length < 2 || day is null)
            return TurnResult.Say(turn.Data, ProjectChatTexts.ClaimFormIncomplete);
        return await ClaimAsync(turn, projectId, commitment, day.Value, ct);
    }

    /// <summary>Typed answers while the form is open: the commitment first, then the day.</summary>
    public async Task<TurnResult> AnswerAsync(Turn turn, ClaimingProject step, CancellationToken ct)
    {
        var text = turn.Text.Trim(); // kept as typed: NFKC would turn Chinese commas into ASCII ones
        if (step.Commitment is null)
        {
            if (Intents.Bare(text).Length < 2) return TurnResult.Say(turn.Data, ProjectChatTexts.CommitmentTooShort);
            if (text.Length > ProjectLimits.CommitmentMax) return TurnResult.Say(turn.Data, $"请写在 {ProjectLimits.CommitmentMax} 字以内。");
            return TurnResult.Say(turn.Data with { Step = step with { Commitment = text } }, ProjectChatTexts.AskDay(step.LastDay));
        }
        if (Day(Intents.Normalize(text), Today()) is not { } day) return TurnResult.Say(turn.Data, ProjectChatTexts.BadDay(step.LastDay));
        return await ClaimAsync(turn, step.ProjectId, step.Commitment, day, ct);
    }

    public static Reply Repeat(ClaimingProject step) =>
        step.Commitment is null ? ProjectChatTexts.AskCommitment : ProjectChatTexts.AskDay(step.LastDay);

    private async Task<TurnResult> ClaimAsync(Turn turn, string projectId, string commitment, DateOnly day, CancellationToken ct)
    {
        if (turn.Data.Unit is not { } unit) return TurnResult.Say(turn.Data with { Step = Idle.Instance }, new Reply(ProjectChatTexts.NotLiaison, Texts.Menu));
        var liaison = new LiaisonActor(unit.UnitId, turn.Activity.From?.Name is { Length: > 0 } name ? name : unit.UnitName + "联络员");
        var claimed = await desk.ClaimAsync(liaison, projectId, commitment, day, ct);
        var reply = claimed.Value is { } project ? ProjectChatTexts.Claimed(project) : ProjectChatTexts.Refused(claimed.Refusal!);
        return TurnResult.Say(turn.Data with { Step = Idle.Instance }, new Reply(reply, Texts.LiaisonMenu));
    }

    private DateOnly Today() => DateOnly.FromDateTime(ProjectChatTexts.Local(clock.GetUtcNow()).DateTime);

    private static DateOnly LastDay(OpenProject p) => DateOnly.FromDateTime(ProjectChatTexts.Local(p.EndsOn).DateTime);

    private static string? Read(JsonElement? value, string name) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    /// <summary>“2026-12-20”, “2026/12/20”, “2026年12月20日”, “12月20日” (this year, or next when it has passed).</summary>
    public static DateOnly? Day(string text, DateOnly today)
    {
        if (FullDate().Match(text) is { Success: true } full
            && TryDay(int.Parse(full.Groups[1].Value), int.Parse(full.Groups[2].Value), int.Parse(full.Groups[3].Value)) is { } whole) return whole;
        if (MonthDay().Match(text) is not { Success: true } md) return null;
        var (month, dayOfMonth) = (int.Parse(md.Groups[1].Value), int.Parse(md.Groups[2].Value));
        return TryDay(today.Year, month, dayOfMonth) is { } thisYear && thisYear >= today ? thisYear : TryDay(today.Year + 1, month, dayOfMonth);
    }

    private static DateOnly? TryDay(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    [GeneratedRegex(@"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(\d{1,2})\s*[月/-]\s*(\d{1,2})")]
    private static partial Regex MonthDay();
}
