using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.People;

/// <summary>
/// 双报到 by message: “我要报到” asks the identity (在职党员/志愿者), name, phone, work unit and — when the community has
/// teams — which 服务队 to join (or none), then reports the person to their home community through the 双报到 module. The answers are personal data: kept in the step only until the report is
/// made, never said back (the phone masked). “我的服务时长” reads the person's own hours and points with the code kept here.
/// </summary>
public sealed class ReportDialog(IPeopleDesk desk)
{
    public const int WorkUnitMax = Gongjian.Domain.People.PersonLimits.WorkUnitMax;

    public static TurnResult Start(Turn turn, HomeCommunity home) =>
        TurnResult.Say(turn.Data with { Step = new ReportingPerson(new PersonDraft(), ReportSlot.Kind) }, Ask(ReportSlot.Kind, home));

    public async Task<TurnResult> AnswerAsync(Turn turn, ReportingPerson step, CancellationToken ct)
    {
        if (turn.Data.Home is not { } home) return TurnResult.Say(turn.Data with { Step = Idle.Instance }, new Reply(Texts.NotUnderstood, Texts.Menu));
        var d = step.Draft;
        var typed = turn.Text.Trim();
        PersonDraft? answered = step.Asking switch
        {
            ReportSlot.Kind => Kind(typed) is { } kind ? d with { Kind = kind } : null,
            ReportSlot.Name => PersonAnswers.FullName(typed) is { } name ? d with { Name = name } : null,
            ReportSlot.Phone => PersonAnswers.Phone(typed) is { } phone ? d with { Phone = phone } : null,
            ReportSlot.Team => Team(typed, step.Teams ?? []) is { } team ? d with { TeamId = team } : null,
            _ => typed.Length is >= 1 and <= WorkUnitMax ? d with { WorkUnit = Intents.Bare(typed) is "无" or "没有" or "退休" or "暂无" ? "无" : typed } : null,
        };
        if (answered is null) return TurnResult.Say(turn.Data, Again(step));
        if (answered.Missing is ReportSlot.Team)
        {
            var teams = await desk.TeamsAsync(home.Id, ct);
            if (teams.Count == 0) answered = answered with { TeamId = "" };
            else return TurnResult.Say(turn.Data with { Step = new ReportingPerson(answered, ReportSlot.Team, teams) }, AskTeam(teams));
        }
        if (answered.Missing is { } missing) return TurnResult.Say(turn.Data with { Step = step with { Draft = answered, Asking = missing } }, Ask(missing, home));

        var done = await desk.ReportAsync(new PersonReport(home.Id, answered.Kind!, answered.Name!, answered.Phone!, answered.WorkUnit!,
            answered.TeamId is { Length: > 0 } teamId ? teamId : null), ct);
        var data = turn.Data with { Step = Idle.Instance };
        if (done.Value is not { } person) return TurnResult.Say(data, new Reply(ReportTexts.NotReported(done.Refusal!), Texts.Menu));
        data = data with
        {
            Reported = new ReportedHere(person.PersonId, person.Code, person.CommunityName, answered.Kind!),
            // Registering for activities later needs the same name and phone: not asked twice.
            Contact = data.Contact ?? new PersonContact(answered.Name!, answered.Phone!),
        };
        return TurnResult.Say(data, new Reply(ReportTexts.Reported(person, PersonAnswers.Masked(answered.Phone!)), [ReportTexts.Hours, "这周有什么活动", .. Texts.Menu]));
    }

    public async Task<Reply> HoursAsync(ConversationData data, CancellationToken ct)
    {
        if (data.Reported is not { } reported) return new Reply(ReportTexts.NotReportedHere, [ReportTexts.Report, .. Texts.Menu]);
        var found = await desk.HoursAsync(reported.PersonId, reported.Code, ct);
        return new Reply(found.Value is { } hours ? ReportTexts.HoursOf(hours) : ReportTexts.HoursFailed(found.Refusal!), Texts.Menu);
    }

    public static Reply Repeat(ReportingPerson step, HomeCommunity? home) =>
        step is { Asking: ReportSlot.Team, Teams: { } teams } ? AskTeam(teams) : Ask(step.Asking, home ?? new HomeCommunity("", "社区"));

    private static Reply AskTeam(IReadOnlyList<TeamChoice> teams) =>
        new(ReportTexts.AskTeam(teams.Select(t => t.Name).ToList()), [.. teams.Select(t => t.Name), ReportTexts.NoTeam]);

    private static Reply Ask(ReportSlot slot, HomeCommunity home) => slot switch
    {
        ReportSlot.Kind => new Reply(ReportTexts.AskKind(home.Name), [ReportTexts.PartyMember, ReportTexts.Volunteer]),
        ReportSlot.Name => ReportTexts.AskName,
        ReportSlot.Phone => ReportTexts.AskPhone,
        _ => ReportTexts.AskWorkUnit,
    };

    private static Reply Again(ReportingPerson step) => step.Asking switch
    {
        ReportSlot.Team => new Reply(ReportTexts.BadTeam, [.. (step.Teams ?? []).Select(t => t.Name), ReportTexts.NoTeam]),
        ReportSlot.Kind => new Reply(ReportTexts.BadKind, [ReportTexts.PartyMember, ReportTexts.Volunteer]),
        ReportSlot.Name => ReportTexts.BadName,
        ReportSlot.Phone => ReportTexts.BadPhone,
        _ => ReportTexts.BadWorkUnit,
    };

    /// <summary>The team named (its full name, or without 服务队/志愿服务队, e.g. “学雷锋”), <c>""</c> for none, null if unclear.</summary>
    private static string? Team(string answer, IReadOnlyList<TeamChoice> teams)
    {
        var bare = Intents.Bare(Intents.Normalize(answer));
        if (bare is "暂不加入" or "不加入" or "暂时不加入" or "不用" or "不需要" or "跳过" or "以后再说" or "无" or "没有") return "";
        static string Short(string name) => name.Replace("志愿服务队", "").Replace("服务队", "").Replace("队", "");
        var found = teams.Where(t => Intents.Bare(Intents.Normalize(t.Name)) == bare).ToList();
        if (found.Count == 0 && bare.Length >= 2) found = teams.Where(t => Short(t.Name) is { Length: >= 2 } s && (bare.Contains(s) || s == Short(bare))).ToList();
        return found.Count == 1 ? found[0].Id : null;
    }

    private static string? Kind(string answer) => Intents.Bare(Intents.Normalize(answer)) switch
    {
        "在职党员" or "党员" or "我是党员" or "我是在职党员" or "partymember" => "partyMember",
        "志愿者" or "我是志愿者" or "volunteer" => "volunteer",
        _ => null,
    };
}
