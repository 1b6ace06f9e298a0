using Gongjian.Domain.Deliberations;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Domain.Workflow;
using Gongjian.Engine;
using Gongjian.Functions.Access;
using Gongjian.Functions.Activities;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Deliberations;

/// <summary>The shared steps of every action on a deliberation: find, authorize, decide and save (idempotent under its key), answer.</summary>
public sealed class DeliberationCommandRunner(DeliberationStore store)
{
    public DeliberationStore Store => store;

    public async Task<Loaded<DeliberationState>> FindAsync(string id, CancellationToken ct) =>
        (DeliberationAccess.IsWellFormed(id) ? await store.LoadAsync(id, ct) : null)
        ?? throw ApiProblem.NotFound("deliberation_not_found", "议题不存在，请检查编号。");

    /// <summary>A staff action: the caller must manage the deliberation (its community's or street's staff).</summary>
    public Task<IResult> ManageAsync(HttpContext context, string id, Func<Actor, DeliberationCommand> build) =>
        RunAsync(context, id, (s, _) => build(DeliberationAccess.RequireManager(context, s)));

    public async Task<IResult> RunAsync(HttpContext context, string id, Func<DeliberationState, CancellationToken, DeliberationCommand> build)
    {
        var ct = context.RequestAborted;
        var loaded = await FindAsync(id, ct);
        var outcome = await ExecuteAsync(context, id, build(loaded.State, ct), loaded);
        return Results.Json(ToView(outcome.State, context.Caller()), DeliberationApiJson.Web.DeliberationView);
    }

    public async Task<Outcome<DeliberationState, DeliberationEvent>> ExecuteAsync(HttpContext context, string id, DeliberationCommand command, Loaded<DeliberationState>? loaded = null)
    {
        var outcome = await store.ExecuteAsync(id, command, context.RequestAborted, loaded, RequestMessageId.Of(context));
        if (outcome.Rejection is { } r) throw ToProblem(r);
        if (outcome.Replayed) context.Response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        return outcome;
    }

    /// <summary>The deliberation as staff see it: the raiser's name and phone unmasked for its managers only.</summary>
    public static DeliberationView ToView(DeliberationState s, Caller? caller)
    {
        var visible = DeliberationAccess.CanManage(caller, s);
        // Staff-written texts may name the raiser: masked of their name and phone for anyone but the managers.
        var known = s.Contact is { } raiser ? new KnownPersonalData(raiser.Name, null, raiser.Phone) : null;
        string? Shown(string? text) => visible || text is null ? text : FreeTextRedactor.Redact(text, known);
        return new DeliberationView
        {
            Id = s.Id, Status = s.Status.Code(), StatusText = s.Status.Chinese(), Step = s.Status.Step(), CommunityId = s.CommunityId, StreetId = s.StreetId,
            Estate = s.Estate, Title = s.Title, Description = s.Description, Source = s.Source, SourceText = TopicSource.Chinese(s.Source), UnitId = s.UnitId,
            Contact = s.Contact is { } c ? visible ? new ContactInput(c.Name, c.Phone) : new ContactInput(AddressMask.MaskName(c.Name), PhoneNumber.Mask(c.Phone)) : null,
            ContactVisible = visible && s.Contact is not null, RaisedAt = s.RaisedAt, Reply = Shown(s.Reply),
            Meeting = s.Meeting is { } m ? new MeetingView(m.At, m.Place, m.Parties, [.. m.Parties.Select(DeliberationParty.Chinese)], m.UnitIds) : null,
            Vote = VoteOf(s),
            Opinions = [.. s.Opinions.Select(o => new OpinionView(o.No, o.AuthorKind, DeliberationParty.Chinese(o.AuthorKind), o.UnitId, o.Text, o.At))],
            Minutes = Shown(s.Minutes), Decision = Shown(s.Decision), Attendees = s.Attendees, DecidedAt = s.DecidedAt,
            Actions = [.. s.Actions.Select(a => ActionOf(a) with { Text = Shown(a.Text)! })], DeliveredAt = s.DeliveredAt,
            Ratings = [.. s.Ratings.Select(r => new RatingView(r.Stars, r.Comment, r.At))], RatingAverage = s.AverageRating, Version = s.Version,
        };
    }

    public static VoteView? VoteOf(DeliberationState s) => s.Vote is { } v
        ? new VoteView(v.Question, v.Rule, VoteRule.Chinese(v.Rule), v.ClosesAt, s.VoteClosed, s.Tally.For, s.Tally.Against, s.Tally.Abstain, s.Tally.Cast, s.VotePassed)
        : null;

    public static ActionView ActionOf(DecisionAction a) => new(a.No, a.Kind, a.Text, a.Category, a.Address, a.ProjectId, a.TargetId, a.Outcome,
        a.Outcome switch
        {
            ActionOutcome.Completed => "已办结",
            ActionOutcome.Cancelled => "已取消",
            _ when a.TargetId is not null => "办理中",
            _ => "待转工单",
        });

    public static ApiProblem ToProblem(Rejection r) => r.Kind switch
    {
        RejectionKind.Forbidden => ApiProblem.Forbidden(r.Code, r.Message),
        RejectionKind.Invalid => ApiProblem.BadRequest(r.Code, r.Message),
        _ when r.Code == "deliberation_not_found" => ApiProblem.NotFound(r.Code, r.Message),
        _ => ApiProblem.Conflict(r.Code, r.Message),
    };
}
