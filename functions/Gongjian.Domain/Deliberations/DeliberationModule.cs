using System.Globalization;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Domain.Workflow;

namespace Gongjian.Domain.Deliberations;

/// <summary>
/// 议事 (提审议办评) as a module of the engine: one instance is one topic, from its raising to its rating. <see cref="Decide"/>
/// is the transition table; roles are checked here, scopes (community, street, unit) and codes by the HTTP layer. Free text
/// written by people (title, description, opinions, comments) is masked here, once, of phones, ID and house numbers and the
/// raiser's own name and phone, so lists and public pages never hold them; the raiser's contact stays in the state for staff.
/// </summary>
/// <param name="remindBefore">The community's staff are reminded this long before the meeting (a day by default).</param>
/// <param name="reviewRemindAfter">A topic still waiting for review (审) this long after it was raised reminds staff.</param>
/// <param name="eraseAfter">A resident raiser's name and phone are erased this long after the topic ended (PIPL retention; 180 days by default).</param>
public sealed class DeliberationModule(TimeSpan remindBefore, TimeSpan reviewRemindAfter, TimeSpan? eraseAfter = null)
    : Module<DeliberationState, DeliberationCommand, DeliberationEvent>
{
    public static readonly TimeSpan DefaultRemindBefore = TimeSpan.FromDays(1);
    public static readonly TimeSpan DefaultReviewRemindAfter = TimeSpan.FromDays(3);
    public static readonly TimeSpan DefaultEraseAfter = ContactRetention.DefaultEraseAfter;
    public TimeSpan EraseAfter => eraseAfter ?? DefaultEraseAfter;
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public DeliberationModule() : this(DefaultRemindBefore, DefaultReviewRemindAfter) { }

    public override string Name => "deliberation";
    public override DeliberationState Initial => DeliberationState.Initial;
    public override string IdOf(DeliberationState state) => state.Id;
    public override int VersionOf(DeliberationState state) => state.Version;

    public override Verdict<DeliberationEvent> Decide(DeliberationState s, DeliberationCommand command, DateTimeOffset now) => (s.Status, command) switch
    {
        (DeliberationStatus.None, RaiseTopic c) => Raise(c, now),
        (_, RaiseTopic) => Refuse("deliberation_exists", RejectionKind.Conflict, "议题已存在。"),
        (DeliberationStatus.None, _) => Refuse("deliberation_not_found", RejectionKind.Conflict, "议题不存在，请检查编号。"),
        (_, EraseRaiserContact c) => Erase(s, c, now),

        (DeliberationStatus.Raised, AcceptTopic c) => StaffOnly(c, () => Accept(new TopicAccepted { OccurredAt = now, By = c.By })),
        (DeliberationStatus.Raised, DeclineTopic c) => StaffOnly(c, () => Decline(c, now)),
        (DeliberationStatus.Raised or DeliberationStatus.Accepted, AnswerTopic c) => StaffOnly(c, () => Answer(c, now)),
        (DeliberationStatus.Accepted, ScheduleMeeting c) => StaffOnly(c, () => Schedule(c, now)),
        (DeliberationStatus.Accepted or DeliberationStatus.Scheduled, AddOpinion c) => Opine(s, c, now),
        (DeliberationStatus.Scheduled, CastVote c) => Vote(s, c, now),
        (DeliberationStatus.Scheduled, CloseVote c) => CloseTheVote(s, c, now),
        (DeliberationStatus.Scheduled, RecordDecision c) => StaffOnly(c, () => Decision(s, c, now)),
        (DeliberationStatus.Decided or DeliberationStatus.Acting, LinkAction c) => Link(s, c, now),
        (DeliberationStatus.Decided or DeliberationStatus.Acting, CompleteAction c) => CompleteOne(s, c, now),
        (DeliberationStatus.Delivered, RateResult c) => Rate(s, c, now),
        (DeliberationStatus.Delivered, CloseDeliberation c) => StaffOnly(c, () => Accept(new DeliberationClosed { OccurredAt = now, By = c.By })),

        (_, CastVote) when s.Status != DeliberationStatus.Scheduled || !s.VoteOpen => Refuse("vote_closed", RejectionKind.Conflict, "表决已结束或没有表决。"),
        _ => Refuse($"deliberation_{s.Status.Code()}", RejectionKind.Conflict, $"议题当前为“{s.Status.Chinese()}”，不能{ActionOf(command)}。"),
    };

    private static string ActionOf(DeliberationCommand c) => c switch
    {
        AcceptTopic => "受理", DeclineTopic => "不予受理", AnswerTopic => "直接答复", ScheduleMeeting => "安排议事会", AddOpinion => "发表意见",
        CloseVote => "结束表决", RecordDecision => "记录决议", LinkAction => "转为工单", CompleteAction => "登记办结",
        RateResult => "评价", CloseDeliberation => "结束议题", _ => "这样办理",
    };

    /// <summary>Retention, by the timer only: stale once the topic is no longer in the end it was armed for, or nothing is left to erase.</summary>
    private static Verdict<DeliberationEvent> Erase(DeliberationState s, EraseRaiserContact c, DateTimeOffset now) =>
        ContactRetention.Refusal(c.By, s.EndedAt, c.EndedAt, s.Contact is not null, "议题") is { } refused
            ? new([], refused)
            : Accept(new RaiserContactErased { OccurredAt = now, By = c.By });

    public static bool IsStaff(Actor a) => a.Role is ActorRole.Dispatcher or ActorRole.Organizer or ActorRole.Admin;

    private static Verdict<DeliberationEvent> StaffOnly(DeliberationCommand c, Func<Verdict<DeliberationEvent>> then) =>
        IsStaff(c.By) ? then() : Refuse("role_not_allowed", RejectionKind.Forbidden, "只有社区、街道工作人员可以这样办理议题。");

    private static Verdict<DeliberationEvent> Raise(RaiseTopic c, DateTimeOffset now)
    {
        var sourceAllowed = c.Source switch
        {
            TopicSource.Resident => c.By.Role == ActorRole.Resident || IsStaff(c.By),
            TopicSource.Unit => c.By.Role == ActorRole.Liaison || IsStaff(c.By),
            TopicSource.GridWorker or TopicSource.Staff => IsStaff(c.By),
            _ => false,
        };
        if (!TopicSource.All.Contains(c.Source)) return Refuse("unknown_source", RejectionKind.Invalid, "议题来源只能是居民、网格员、共建单位或社区工作人员。");
        if (!sourceAllowed) return Refuse("role_not_allowed", RejectionKind.Forbidden, "您的角色不能以这个来源提出议题。");
        Contact? contact = null;
        if (c.Source == TopicSource.Resident)
        {
            if (c.Contact is not { } given) return Refuse("contact_required", RejectionKind.Invalid, "请留下提议人的姓名和手机号，方便社区联系。");
            var name = given.Name.Trim();
            if (name.Length is 0 or > DeliberationLimits.NameMax) return Refuse("invalid_name", RejectionKind.Invalid, $"请填写 {DeliberationLimits.NameMax} 字以内的姓名。");
            if (!PhoneNumber.TryNormalize(given.Phone, out var phone)) return Refuse("invalid_phone", RejectionKind.Invalid, "手机号格式不正确，请填写 11 位手机号。");
            contact = new Contact(name, phone);
        }
        var known = contact is null ? null : new KnownPersonalData(contact.Name, null, contact.Phone);
        var title = c.Title.Trim();
        if (title.Length == 0) return Refuse("title_required", RejectionKind.Invalid, "请用一句话写明议题。");
        if (title.Length > DeliberationLimits.TitleMax) return Refuse("title_too_long", RejectionKind.Invalid, $"议题请写在 {DeliberationLimits.TitleMax} 字以内。");
        var description = c.Description.Trim();
        if (description.Length > DeliberationLimits.DescriptionMax) return Refuse("description_too_long", RejectionKind.Invalid, $"情况说明请写在 {DeliberationLimits.DescriptionMax} 字以内。");
        var estate = string.IsNullOrWhiteSpace(c.Estate) ? null : c.Estate.Trim();
        if (estate?.Length > DeliberationLimits.EstateMax) return Refuse("estate_too_long", RejectionKind.Invalid, $"小区名称请写在 {DeliberationLimits.EstateMax} 字以内。");
        return Accept(new TopicRaised
        {
            OccurredAt = now, By = c.By, DeliberationId = c.DeliberationId, CommunityId = c.CommunityId, StreetId = c.StreetId, Estate = estate,
            Title = FreeTextRedactor.Redact(title, known), Description = FreeTextRedactor.Redact(description, known), Source = c.Source,
            UnitId = c.Source == TopicSource.Unit && c.By.Role == ActorRole.Liaison ? c.By.Id : null,
            Contact = contact, TrackingCodeHash = c.TrackingCodeHash,
        });
    }

    private static Verdict<DeliberationEvent> Decline(DeclineTopic c, DateTimeOffset now) =>
        Text(c.Reason, DeliberationLimits.ReasonMax) is { } reason
            ? Accept(new TopicDeclined { OccurredAt = now, By = c.By, Reason = reason })
            : Refuse("reason_required", RejectionKind.Invalid, $"请写明不予受理的理由（{DeliberationLimits.ReasonMax} 字以内）。");

    private static Verdict<DeliberationEvent> Answer(AnswerTopic c, DateTimeOffset now) =>
        Text(c.Answer, DeliberationLimits.ReasonMax) is { } answer
            ? Accept(new TopicAnswered { OccurredAt = now, By = c.By, Answer = answer })
            : Refuse("answer_required", RejectionKind.Invalid, $"请写明答复内容（{DeliberationLimits.ReasonMax} 字以内）。");

    private static Verdict<DeliberationEvent> Schedule(ScheduleMeeting c, DateTimeOffset now)
    {
        if (c.At <= now) return Refuse("meeting_in_past", RejectionKind.Invalid, "议事会时间须在现在之后。");
        if (Text(c.Place, DeliberationLimits.PlaceMax) is not { } place) return Refuse("place_required", RejectionKind.Invalid, $"请填写议事地点（{DeliberationLimits.PlaceMax} 字以内）。");
        var parties = c.Parties.Distinct().ToList();
        if (parties.Count == 0) return Refuse("parties_required", RejectionKind.Invalid, "请选择受邀参加议事的各方。");
        if (parties.Any(p => !DeliberationParty.Invitable.Contains(p))) return Refuse("unknown_party", RejectionKind.Invalid, "受邀方只能是居民代表、党员、物业公司或共建单位。");
        var units = c.UnitIds.Where(u => !string.IsNullOrWhiteSpace(u)).Distinct().ToList();
        if (units.Count > 0 && !parties.Contains(DeliberationParty.Units)) parties.Add(DeliberationParty.Units);
        VoteSpec? vote = null;
        if (c.Vote is { } v)
        {
            if (Text(v.Question, DeliberationLimits.QuestionMax) is not { } question) return Refuse("question_required", RejectionKind.Invalid, $"请写明表决事项（{DeliberationLimits.QuestionMax} 字以内）。");
            if (!VoteRule.IsKnown(v.Rule)) return Refuse("unknown_rule", RejectionKind.Invalid, "计票规则只能是过半数（simple_majority）或三分之二（two_thirds）。");
            if (v.ClosesAt <= now || v.ClosesAt > c.At + DeliberationLimits.LongestVote)
                return Refuse("invalid_vote_deadline", RejectionKind.Invalid, "表决截止时间须在现在之后，且不晚于议事会后 30 天。");
            vote = new VoteSpec(question, v.Rule, v.ClosesAt);
        }
        return Accept(new MeetingScheduled { OccurredAt = now, By = c.By, Meeting = new Meeting(c.At, place, parties, units, now), Vote = vote });
    }

    private static Verdict<DeliberationEvent> Opine(DeliberationState s, AddOpinion c, DateTimeOffset now)
    {
        if (!DeliberationParty.OpinionAuthors.Contains(c.AuthorKind)) return Refuse("unknown_author", RejectionKind.Invalid, "意见提出方不存在。");
        var allowed = c.By.Role switch
        {
            ActorRole.Resident => c.AuthorKind == DeliberationParty.Residents && !string.IsNullOrEmpty(c.PersonKey),
            ActorRole.Liaison => c.AuthorKind == DeliberationParty.Units,
            _ => IsStaff(c.By),
        };
        if (!allowed) return Refuse("role_not_allowed", RejectionKind.Forbidden, "您不能以这个身份发表意见。");
        if (Text(c.Text, DeliberationLimits.OpinionMax) is not { } text) return Refuse("opinion_required", RejectionKind.Invalid, $"请写下您的意见（{DeliberationLimits.OpinionMax} 字以内）。");
        if (s.Opinions.Count >= DeliberationLimits.OpinionsMax) return Refuse("too_many_opinions", RejectionKind.Conflict, "这个议题的意见已满，请在议事会上当面提出。");
        var opinion = new Opinion(s.Opinions.Count + 1, c.AuthorKind, c.By.Role == ActorRole.Liaison ? c.By.Id : null,
            c.By.Role == ActorRole.Resident ? c.PersonKey : null, FreeTextRedactor.Redact(text), now);
        return Accept(new OpinionAdded { OccurredAt = now, By = c.By, Opinion = opinion });
    }

    private static Verdict<DeliberationEvent> Vote(DeliberationState s, CastVote c, DateTimeOffset now)
    {
        if (!s.VoteOpen || now >= s.Vote!.ClosesAt) return Refuse("vote_closed", RejectionKind.Conflict, "表决已截止，不能再投票。");
        if (c.By.Role is not (ActorRole.Resident or ActorRole.Liaison) && !IsStaff(c.By)) return Refuse("role_not_allowed", RejectionKind.Forbidden, "您的角色不能投票。");
        if (string.IsNullOrEmpty(c.VoterKey)) return Refuse("voter_required", RejectionKind.Invalid, "请填写投票人的手机号。");
        if (!VoteChoice.IsKnown(c.Choice)) return Refuse("unknown_choice", RejectionKind.Invalid, "请选择赞成（for）、反对（against）或弃权（abstain）。");
        if (s.Voters.Contains(c.VoterKey)) return Refuse("already_voted", RejectionKind.Conflict, "您已经投过票了，每人只能投一次。");
        if (s.Voters.Count >= DeliberationLimits.VotesMax) return Refuse("vote_full", RejectionKind.Conflict, "投票人数已达上限。");
        return Accept(new VoteCast { OccurredAt = now, By = c.By, VoterKey = c.VoterKey, Choice = c.Choice });
    }

    private static Verdict<DeliberationEvent> CloseTheVote(DeliberationState s, CloseVote c, DateTimeOffset now)
    {
        if (c.By.Role != ActorRole.System && !IsStaff(c.By)) return Refuse("role_not_allowed", RejectionKind.Forbidden, "只有社区、街道工作人员可以结束表决。");
        if (!s.VoteOpen) return Refuse("vote_closed", RejectionKind.Conflict, "表决已结束或没有表决。");
        if (now < s.Vote!.ClosesAt) return Refuse("vote_not_due", RejectionKind.Conflict, "表决还没到截止时间。");
        return Accept(new VoteClosed { OccurredAt = now, By = c.By, Tally = s.Tally, Passed = VoteRule.Passes(s.Vote.Rule, s.Tally) });
    }

    private static Verdict<DeliberationEvent> Decision(DeliberationState s, RecordDecision c, DateTimeOffset now)
    {
        if (now < s.Meeting!.At) return Refuse("meeting_not_held", RejectionKind.Conflict, "议事会开过之后才能记录决议。");
        if (s.VoteOpen) return Refuse("vote_open", RejectionKind.Conflict, "表决还没结束，请在表决截止后再记录决议。");
        if (Text(c.Minutes, DeliberationLimits.MinutesMax) is not { } minutes) return Refuse("minutes_required", RejectionKind.Invalid, $"请填写会议纪要（{DeliberationLimits.MinutesMax} 字以内）。");
        if (Text(c.Decision, DeliberationLimits.DecisionMax) is not { } decision) return Refuse("decision_required", RejectionKind.Invalid, $"请写明决议内容（{DeliberationLimits.DecisionMax} 字以内）。");
        if (c.Attendees is < 1 or > 10000) return Refuse("invalid_attendees", RejectionKind.Invalid, "到会人数须在 1 到 10000 之间。");
        if (c.Actions.Count == 0) return Refuse("decision_refers_to_nothing", RejectionKind.Invalid, "决议须落到至少一张工单或一个项目上。");
        if (c.Actions.Count > DeliberationLimits.ActionsMax) return Refuse("too_many_actions", RejectionKind.Invalid, $"一项决议最多 {DeliberationLimits.ActionsMax} 件事项。");
        var actions = new List<DecisionAction>();
        foreach (var a in c.Actions)
        {
            var no = actions.Count + 1;
            switch (a.Kind)
            {
                case ActionKind.Order:
                    if (Text(a.Text, DeliberationLimits.ActionTextMax) is not { } text) return Refuse("action_text_required", RejectionKind.Invalid, $"请写明第 {no} 件事项要办什么。");
                    if (a.Category is not null && !ServiceCategory.IsKnown(a.Category)) return Refuse("unknown_category", RejectionKind.Invalid, $"第 {no} 件事项的类别不存在。");
                    if (Text(a.Address, DeliberationLimits.AddressMax) is not { } address) return Refuse("action_address_required", RejectionKind.Invalid, $"请写明第 {no} 件事项的地点。");
                    actions.Add(new DecisionAction(no, ActionKind.Order, text, a.Category, address, null));
                    break;
                case ActionKind.Project:
                    if (string.IsNullOrWhiteSpace(a.ProjectId)) return Refuse("decision_refers_to_nothing", RejectionKind.Invalid, $"第 {no} 件事项没有指明项目。");
                    if (actions.Any(x => x.ProjectId == a.ProjectId)) return Refuse("duplicate_project", RejectionKind.Invalid, "同一个项目只能列一次。");
                    actions.Add(new DecisionAction(no, ActionKind.Project, Text(a.Text, DeliberationLimits.ActionTextMax) ?? "", null, null, a.ProjectId) { TargetId = a.ProjectId });
                    break;
                default:
                    return Refuse("unknown_action", RejectionKind.Invalid, "决议事项只能是工单（order）或项目（project）。");
            }
        }
        return Accept(new DecisionRecorded { OccurredAt = now, By = c.By, Minutes = minutes, Decision = decision, Attendees = c.Attendees, Actions = actions });
    }

    private static Verdict<DeliberationEvent> Link(DeliberationState s, LinkAction c, DateTimeOffset now)
    {
        if (c.By.Role != ActorRole.System && !IsStaff(c.By)) return Refuse("role_not_allowed", RejectionKind.Forbidden, "只有社区、街道工作人员可以把决议转为工单。");
        if (s.Actions.FirstOrDefault(a => a.No == c.ActionNo) is not { } action) return Refuse("action_not_found", RejectionKind.Invalid, "决议中没有这件事项。");
        if (action.Kind != ActionKind.Order) return Refuse("not_an_order_action", RejectionKind.Invalid, "这件事项是项目，不需要派单。");
        if (action.TargetId is not null) return Refuse("action_already_linked", RejectionKind.Conflict, "这件事项已经转为工单。");
        if (string.IsNullOrWhiteSpace(c.TargetId)) return Refuse("target_required", RejectionKind.Invalid, "请指明工单编号。");
        return Accept(new ActionLinked { OccurredAt = now, By = c.By, ActionNo = c.ActionNo, TargetId = c.TargetId });
    }

    private static Verdict<DeliberationEvent> CompleteOne(DeliberationState s, CompleteAction c, DateTimeOffset now)
    {
        if (c.By.Role != ActorRole.System && !IsStaff(c.By)) return Refuse("role_not_allowed", RejectionKind.Forbidden, "办理结果由工单、项目自动登记。");
        if (!ActionOutcome.IsKnown(c.Outcome)) return Refuse("unknown_outcome", RejectionKind.Invalid, "办理结果只能是办结或取消。");
        if (s.Actions.FirstOrDefault(a => a.TargetId == c.TargetId) is not { } action) return Refuse("action_not_found", RejectionKind.Invalid, "决议中没有关联这张工单或项目。");
        if (action.Done) return Refuse("action_already_done", RejectionKind.Conflict, "这件事项已登记办理结果。");
        var delivered = s.Actions.All(a => a.No == action.No || a.TargetId is not null && a.Done);
        return Accept(new ActionCompleted { OccurredAt = now, By = c.By, ActionNo = action.No, TargetId = c.TargetId, Outcome = c.Outcome, Delivered = delivered });
    }

    private static Verdict<DeliberationEvent> Rate(DeliberationState s, RateResult c, DateTimeOffset now)
    {
        if (c.By.Role != ActorRole.Resident && !IsStaff(c.By)) return Refuse("role_not_allowed", RejectionKind.Forbidden, "评价由居民作出。");
        if (string.IsNullOrEmpty(c.PersonKey)) return Refuse("person_required", RejectionKind.Invalid, "请填写评价人的手机号。");
        if (c.Stars is < 1 or > 5) return Refuse("invalid_rating", RejectionKind.Invalid, "评价请打 1 到 5 星。");
        if (s.Ratings.Any(r => r.PersonKey == c.PersonKey)) return Refuse("already_rated", RejectionKind.Conflict, "您已经评价过了，每人只能评价一次。");
        var comment = string.IsNullOrWhiteSpace(c.Comment) ? null : c.Comment.Trim();
        if (comment?.Length > DeliberationLimits.CommentMax) return Refuse("comment_too_long", RejectionKind.Invalid, $"评价请写在 {DeliberationLimits.CommentMax} 字以内。");
        return Accept(new ResultRated { OccurredAt = now, By = c.By, Rating = new Rating(c.PersonKey, c.Stars, comment is null ? null : FreeTextRedactor.Redact(comment), now) });
    }

    public override DeliberationState Evolve(DeliberationState s, DeliberationEvent e)
    {
        var next = s with { Version = s.Version + 1, UpdatedAt = e.OccurredAt };
        return e switch
        {
            TopicRaised x => next with
            {
                Id = x.DeliberationId, Status = DeliberationStatus.Raised, CommunityId = x.CommunityId, StreetId = x.StreetId, Estate = x.Estate,
                Title = x.Title, Description = x.Description, Source = x.Source, UnitId = x.UnitId, Contact = x.Contact,
                TrackingCodeHash = x.TrackingCodeHash, RaisedAt = x.OccurredAt,
            },
            TopicAccepted x => next with { Status = DeliberationStatus.Accepted, ReviewedAt = x.OccurredAt },
            TopicDeclined x => next with { Status = DeliberationStatus.Declined, Reply = x.Reason, ReviewedAt = x.OccurredAt },
            TopicAnswered x => next with { Status = DeliberationStatus.Answered, Reply = x.Answer, ReviewedAt = s.ReviewedAt ?? x.OccurredAt },
            MeetingScheduled x => next with { Status = DeliberationStatus.Scheduled, Meeting = x.Meeting, Vote = x.Vote },
            OpinionAdded x => next with { Opinions = [.. s.Opinions, x.Opinion] },
            VoteCast x => next with { Voters = [.. s.Voters, x.VoterKey], Tally = s.Tally.Add(x.Choice) },
            VoteClosed x => next with { VoteClosed = true, Tally = x.Tally, VotePassed = x.Passed },
            DecisionRecorded x => next with
            {
                Status = DeliberationStatus.Decided, Minutes = x.Minutes, Decision = x.Decision, Attendees = x.Attendees, Actions = x.Actions,
                DecidedAt = x.OccurredAt,
            },
            ActionLinked x => next with
            {
                Status = DeliberationStatus.Acting,
                Actions = [.. s.Actions.Select(a => a.No == x.ActionNo ? a with { TargetId = x.TargetId } : a)],
            },
            ActionCompleted x => next with
            {
                Status = x.Delivered ? DeliberationStatus.Delivered : DeliberationStatus.Acting,
                DeliveredAt = x.Delivered ? x.OccurredAt : s.DeliveredAt,
                Actions = [.. s.Actions.Select(a => a.No == x.ActionNo ? a with { Outcome = x.Outcome } : a)],
            },
            ResultRated x => next with { Ratings = [.. s.Ratings, x.Rating] },
            DeliberationClosed x => next with { Status = DeliberationStatus.Closed, ClosedAt = x.OccurredAt },
            RaiserContactErased x => next with { Contact = null, ContactErasedAt = x.OccurredAt },
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
        };
    }

    public override AuditEntry Audit(DeliberationEvent e) => new(e.GetType().Name, e.OccurredAt, e.By.Role.ToString(), e.By.Id, e switch
    {
        TopicDeclined d => d.Reason, TopicAnswered a => a.Answer, ActionLinked l => l.TargetId, ActionCompleted c => $"{c.TargetId} {c.Outcome}",
        _ => null,
    });

    public static string CommunityList(string id) => $"c-{id}";
    public static string StreetList(string id) => $"s-{id}";
    public static string UnitList(string id) => $"u-{id}";
    /// <summary>A street's decided deliberations, for its public pages.</summary>
    public static string PublicList(string streetId) => $"p-{streetId}";

    /// <summary>Newest raised first.</summary>
    public static string ListKey(DeliberationState s) => $"{DateTimeOffset.MaxValue.UtcTicks - s.RaisedAt.UtcTicks:D19}-{s.Id}";

    public static int YearOf(DateTimeOffset at) => at.ToOffset(ChinaOffset).Year;
    public static DateTimeOffset ToChina(DateTimeOffset at) => at.ToOffset(ChinaOffset);

    /// <summary>The community's, street's, raising and invited units' lists, and once decided the street's public list: counts, never names or phones.</summary>
    public override ListPlacement? Lists(DeliberationState s)
    {
        if (s.Status == DeliberationStatus.None) return null;
        List<string> partitions = [CommunityList(s.CommunityId), StreetList(s.StreetId)];
        foreach (var unit in new[] { s.UnitId }.Concat(s.Meeting?.UnitIds ?? []).OfType<string>().Distinct()) partitions.Add(UnitList(unit));
        if (s.Status.IsPublic()) partitions.Add(PublicList(s.StreetId));
        return new ListPlacement(ListKey(s), partitions, new Dictionary<string, object?>
        {
            ["DeliberationId"] = s.Id,
            ["Status"] = s.Status.Code(),
            ["Step"] = s.Status.Step(),
            ["Title"] = s.Title,
            ["CommunityId"] = s.CommunityId,
            ["StreetId"] = s.StreetId,
            ["Estate"] = s.Estate,
            ["Source"] = s.Source,
            ["UnitId"] = s.UnitId,
            ["RaisedAt"] = s.RaisedAt,
            ["MeetingAt"] = s.Meeting?.At,
            ["Place"] = s.Meeting?.Place,
            ["OpinionCount"] = s.Opinions.Count,
            ["VotesFor"] = s.Tally.For,
            ["VotesAgainst"] = s.Tally.Against,
            ["VotesAbstain"] = s.Tally.Abstain,
            ["VotePassed"] = s.VotePassed,
            ["ActionCount"] = s.Actions.Count,
            ["ActionsDone"] = s.Actions.Count(a => a.Done),
            ["RatingCount"] = s.Ratings.Count,
            ["RatingAverage"] = s.AverageRating,
            ["DecidedAt"] = s.DecidedAt,
            ["Year"] = YearOf(s.RaisedAt),
            ["UpdatedAt"] = s.UpdatedAt,
        });
    }

    public const string ReviewStep = "Review";
    public const string MeetingStep = "Meeting";
    public const string VoteStep = "Vote";

    /// <summary>
    /// Raised: remind staff to review; scheduled: remind before the meeting, and close the vote at its deadline; ended with a
    /// raiser's contact still held: erase it <see cref="EraseAfter"/> after the end.
    /// </summary>
    public override IReadOnlyList<TimerSpec> Timers(DeliberationState s)
    {
        var timers = new List<TimerSpec>();
        if (s.Status == DeliberationStatus.Raised) timers.Add(new TimerSpec(ReviewStep, TimerStage.Remind, s.RaisedAt, s.RaisedAt + reviewRemindAfter));
        if (s.Status == DeliberationStatus.Scheduled && s.Meeting is { } m)
        {
            if (m.At - remindBefore > m.ScheduledAt) timers.Add(new TimerSpec(MeetingStep, TimerStage.Remind, m.ScheduledAt, m.At - remindBefore));
            if (s.VoteOpen) timers.Add(new TimerSpec(VoteStep, TimerStage.Due, m.ScheduledAt, s.Vote!.ClosesAt));
        }
        if (s.EndedAt is { } ended && s.Contact is not null) timers.Add(ContactRetention.Timer(null, ended, EraseAfter));
        return timers;
    }

    public override Wake<DeliberationCommand> OnTimer(DeliberationState s, TimerSpec timer, DateTimeOffset now) => (timer.Step, timer.Stage) switch
    {
        (ReviewStep, TimerStage.Remind) when s.Status == DeliberationStatus.Raised && s.RaisedAt == timer.StartedAt => new Wake<DeliberationCommand>.Remind(),
        (MeetingStep, TimerStage.Remind) when s.Status == DeliberationStatus.Scheduled && s.Meeting?.ScheduledAt == timer.StartedAt => new Wake<DeliberationCommand>.Remind(),
        (VoteStep, TimerStage.Due) when s.Status == DeliberationStatus.Scheduled && s.VoteOpen && s.Meeting?.ScheduledAt == timer.StartedAt =>
            new Wake<DeliberationCommand>.Run(new CloseVote { By = Actor.System }),
        // The rules decide whether it is stale (the topic no longer in the end the timer was armed for).
        (_, TimerStage.Erase) => new Wake<DeliberationCommand>.Run(new EraseRaiserContact { By = Actor.System, EndedAt = timer.StartedAt }),
        _ => new Wake<DeliberationCommand>.Stale(),
    };

    public override IReadOnlyDictionary<string, string?> Facts(DeliberationState before, DeliberationState after, DeliberationEvent e) => new Dictionary<string, string?>
    {
        ["status"] = after.Status.Code(),
        ["communityId"] = after.CommunityId,
        ["streetId"] = after.StreetId,
        ["source"] = after.Source,
        ["year"] = after.Status == DeliberationStatus.None ? null : YearOf(after.RaisedAt).ToString(CultureInfo.InvariantCulture),
        // The order or project an action was linked to or ended with: the link hook and records read it.
        ["targetId"] = e switch { ActionLinked l => l.TargetId, ActionCompleted c => c.TargetId, _ => null },
        ["delivered"] = (e as ActionCompleted)?.Delivered == true ? "true" : null,
    };

    /// <summary>The raiser's contact is personal: a stored event copy without it (the tracking code hash stays so the code still works).</summary>
    public override bool Erases(DeliberationEvent e) => e is RaiserContactErased;

    public override DeliberationEvent? Redacted(DeliberationEvent e) => e is TopicRaised { Contact: not null } r ? r with { Contact = null } : null;

    private static string? Text(string? text, int max) => text?.Trim() is { Length: > 0 } t && t.Length <= max ? t : null;
    private static Verdict<DeliberationEvent> Accept(DeliberationEvent e) => new([e], null);
    private static Verdict<DeliberationEvent> Refuse(string code, RejectionKind kind, string message) => new([], new Rejection(code, kind, message));
}
