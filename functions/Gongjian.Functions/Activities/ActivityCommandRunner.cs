using Gongjian.Domain.Activities;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Engine;
using Gongjian.Functions.Access;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Activities;

/// <summary>The shared steps of every organiser action on an activity: find, authorize, decide and save (idempotent under its key), answer.</summary>
public sealed class ActivityCommandRunner(ActivityStore store, TimeProvider clock)
{
    public async Task<Loaded<ActivityState>> FindAsync(string id, CancellationToken ct) =>
        (ActivityAccess.IsWellFormed(id) ? await store.LoadAsync(id, ct) : null)
        ?? throw ApiProblem.NotFound("activity_not_found", "活动不存在，请检查编号。");

    /// <param name="beforeSave">Work that must not happen for a refused command (storing photos): runs only once the rules allowed it.</param>
    public async Task<IResult> RunAsync(HttpContext context, string id, Func<Actor, ActivityCommand> build, Func<ActivityCommand, Task<ActivityCommand>>? beforeSave = null)
    {
        var ct = context.RequestAborted;
        var loaded = await FindAsync(id, ct);
        var command = build(ActivityAccess.RequireOrganiser(context, loaded.State));
        if (beforeSave is not null)
        {
            if (store.Module.Decide(loaded.State, command, clock.GetUtcNow()).Rejection is { } early) throw ToProblem(early);
            command = await beforeSave(command);
        }
        var outcome = await store.ExecuteAsync(id, command, ct, loaded, RequestMessageId.Of(context));
        if (outcome.Rejection is { } r) throw ToProblem(r);
        if (outcome.Replayed) context.Response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        return Results.Json(ToView(outcome.State, context.Caller()), ActivityApiJson.Web.ActivityView);
    }


    /// <summary>The activity with its participants: names and phones unmasked for the organiser only.</summary>
    public static ActivityView ToView(ActivityState s, Caller? caller)
    {
        var organiser = ActivityAccess.IsOrganiser(caller, s);
        ParticipantView Of(Participant p, int? position) => new(p.PersonKey,
            organiser ? p.Name : AddressMask.MaskName(p.Name), organiser ? p.Phone : PhoneNumber.Mask(p.Phone),
            p.Audience, position is not null, position, p.RegisteredAt, p.CheckedInAt, p.Hours);
        return new ActivityView
        {
            Id = s.Id, Status = s.Status.Code(), StatusText = s.Status.Chinese(), CommunityId = s.CommunityId, StreetId = s.StreetId,
            OrganiserKind = s.OrganiserKind.ToString().ToLowerInvariant(), UnitId = s.OrganiserUnitId, Title = s.Title, Category = s.Category,
            Description = s.Description, Place = s.Place, VenueResourceId = s.VenueResourceId, StartsAt = s.StartsAt, EndsAt = s.EndsAt,
            Deadline = s.Deadline, Capacity = s.Capacity, Audiences = s.Audiences, RegisteredCount = s.Registered.Count, WaitingCount = s.Waiting.Count,
            CancelReason = s.CancelReason, ContactVisible = organiser, PhotoIds = s.PhotoIds, Showcase = s.Showcase,
            Participants = [.. s.Registered.Select(p => Of(p, null)), .. s.Waiting.Select((p, i) => Of(p, i + 1))],
        };
    }

    public static ApiProblem ToProblem(Rejection r) => r.Kind switch
    {
        RejectionKind.Forbidden => ApiProblem.Forbidden(r.Code, r.Message),
        RejectionKind.Invalid => ApiProblem.BadRequest(r.Code, r.Message),
        _ when r.Code == "activity_not_found" => ApiProblem.NotFound(r.Code, r.Message),
        _ => ApiProblem.Conflict(r.Code, r.Message),
    };
}
