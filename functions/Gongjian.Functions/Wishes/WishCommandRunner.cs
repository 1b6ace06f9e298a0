using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Domain.Wishes;
using Gongjian.Engine;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.ContactAudit;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Wishes;

/// <summary>The shared steps of every wish action: find, authorize, decide and save (idempotent under its key), answer.</summary>
public sealed class WishCommandRunner(WishStore store, WishModule rules, CommunityDirectory directory, TimeProvider clock, ContactViewLog contactViews,
    ILogger<WishCommandRunner> logger)
{
    public async Task<Loaded<WishState>> FindAsync(string id, CancellationToken ct) =>
        (WishAccess.IsWellFormed(id) ? await store.LoadAsync(id, ct) : null)
        ?? throw ApiProblem.NotFound("wish_not_found", "心愿不存在，请检查编号。");

    /// <param name="actorFor">Who acts: by default the caller as <see cref="WishAccess.Authorize"/> finds them.</param>
    /// <param name="beforeSave">Work that must not happen for a refused command (storing photos): runs once the rules allowed it.</param>
    public async Task<IResult> RunAsync(HttpContext context, string id, Func<Actor, WishCommand> build,
        Func<WishCommand, Task<WishCommand>>? beforeSave = null, Func<HttpContext, WishState, Actor>? actorFor = null, string? claimCode = null)
    {
        var ct = context.RequestAborted;
        OrderCommandRunner.ContactParameter(context); // a bad ?contact= is refused before the command runs, not after
        var loaded = (WishAccess.IsWellFormed(id) ? await store.LoadForCommandAsync(id, ct) : null) ?? await FindAsync(id, ct);
        WishCommand command;
        try
        {
            command = Check(context, loaded.State, build, actorFor, early: beforeSave is not null);
        }
        catch (ApiProblem) when (loaded.Cached)
        {
            loaded = await FindAsync(id, ct);
            command = Check(context, loaded.State, build, actorFor, early: beforeSave is not null);
        }
        if (beforeSave is not null) command = await beforeSave(command);
        var outcome = await store.ExecuteAsync(id, command, ct, loaded, RequestMessageId.Of(context));
        if (outcome.Rejection is { } r)
        {
            if (r.Kind == RejectionKind.Conflict)
                await store.NoteAsync(id, r.Code, $"{Who(command.By)}的请求未执行：{r.Message}", ct);
            throw ToProblem(r);
        }
        if (outcome.Replayed) context.Response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        return await ViewAsync(context, outcome.State, claimCode: outcome.Replayed ? null : claimCode);
    }

    private WishCommand Check(HttpContext context, WishState state, Func<Actor, WishCommand> build, Func<HttpContext, WishState, Actor>? actorFor, bool early)
    {
        var command = build((actorFor ?? WishAccess.Authorize)(context, state));
        if (early && rules.Decide(state, command, clock.GetUtcNow()).Rejection is { } refused) throw ToProblem(refused);
        return command;
    }



    /// <summary>
    /// The wish as this caller may see it. As for orders, <c>?contact=masked</c> withholds the resident's and a person
    /// claimer's contact from the one who may see it (the community's dispatcher); every answer that does show it is first
    /// recorded in the contact audit (<see cref="ContactViewLog"/>, PartitionKey = the wish id).
    /// </summary>
    public async Task<IResult> ViewAsync(HttpContext context, WishState s, int status = 200, string? claimCode = null)
    {
        var withhold = OrderCommandRunner.ContactParameter(context);
        var snapshot = await directory.GetAsync(context.RequestAborted);
        var communityName = snapshot.CommunityName(s.CommunityId, s.CommunityId);
        var view = ToView(s, context, communityName, withhold) with { ClaimCode = claimCode };
        if (view.ContactVisible && context.Caller() is { } caller)
        {
            try
            {
                await contactViews.RecordAsync(s.Id, caller, ContactViewLog.ViaOf(context), context.RequestAborted);
            }
            catch (Exception e) when (StorageFaults.IsUnavailable(e))
            {
                // As for orders: a command answered here is stored already; without its audit row the contact is not shown.
                logger.LogWarning(e, "Contact view of wish {Id} not recorded (storage unavailable); answered masked", s.Id);
                view = ToView(s, context, communityName, withhold: true) with { ClaimCode = claimCode };
            }
        }
        return Results.Json(view, ApiJson.Web.WishView, statusCode: status);
    }

    /// <summary>Only the community's dispatcher sees the resident's and a person claimer's name and phone unmasked.</summary>
    public static bool MaySeeContact(Caller? caller, WishState s) => caller is { Role: ActorRole.Dispatcher } && WishAccess.IsStaffInScope(caller, s);

    /// <summary>What this caller may read of the wish (see <see cref="WishView"/>).</summary>
    public static WishView ToView(WishState s, HttpContext context, string communityName, bool withhold = false)
    {
        var caller = context.Caller();
        var staff = WishAccess.IsStaffInScope(caller, s);
        var allowed = MaySeeContact(caller, s);
        var hasContact = s.Contact is not null || s.Claimer is { Name: not null, Phone: not null };
        var visible = allowed && !withhold && hasContact;
        var resident = caller is null && context.Request.Headers[WishAccess.TrackingHeader].Count > 0 && context.Request.Headers[WishAccess.ClaimHeader].Count == 0;
        var claimer = caller is { Role: ActorRole.Liaison } && s.Claimer?.UnitId == caller.Scope
                      || caller is null && context.Request.Headers[WishAccess.ClaimHeader].Count > 0;
        WishContactView Shown(string name, string phone) => allowed && !withhold
            ? new WishContactView(name, phone)
            : new WishContactView(AddressMask.MaskName(name), PhoneNumber.Mask(phone));
        return new WishView
        {
            Id = s.Id, Status = s.Status.Code(), StatusText = s.Status.Chinese(), Category = s.Category, CategoryName = WishCategory.NameOf(s.Category),
            CommunityId = s.CommunityId, CommunityName = communityName, PublicText = s.PublicText, DisplayName = s.DisplayName,
            Claimer = s.Claimer is { } c ? new ClaimerView(ClaimerKindCode(c.Kind), c.PublicName, c.UnitId) : null,
            SubmittedAt = s.SubmittedAt, PublishedAt = s.PublishedAt, ClaimedAt = s.ClaimedAt, FulfilledAt = s.FulfilledAt, ConfirmedAt = s.ConfirmedAt,
            FulfilNote = staff || resident || claimer ? s.FulfilNote : null,
            Photos = (staff || resident || claimer) && s.PhotoIds.Count > 0 ? s.PhotoIds.Select(p => $"/api/wishes/{s.Id}/photos/{p}").ToList() : null,
            Text = staff || resident ? s.Text : null,
            Nickname = staff || resident ? s.Nickname : null,
            Contact = staff && s.Contact is { } contact ? Shown(contact.Name, contact.Phone) : null,
            Reason = staff || resident ? s.Reason : null,
            ClaimerContact = staff && s.Claimer is { Name: { } name, Phone: { } phone } ? Shown(name, phone) : null,
            ContactVisible = visible,
            ContactWithheld = allowed && withhold && hasContact,
            PersonalDataErasedAt = staff || resident ? s.PersonalDataErasedAt : null,
        };
    }

    public static string ClaimerKindCode(ClaimerKind kind) => kind switch { ClaimerKind.Unit => "unit", ClaimerKind.PartyMember => "partyMember", _ => "volunteer" };

    private static string Who(Actor a) => a.Role switch
    {
        ActorRole.Resident => a == WishActors.Person ? "认领人" : "居民",
        ActorRole.Liaison => "单位联络员",
        ActorRole.Dispatcher => "社区工作人员",
        ActorRole.Organizer => "街道组织方",
        ActorRole.Admin => "管理员",
        _ => "系统",
    };

    public static ApiProblem ToProblem(Rejection r) => r.Kind switch
    {
        RejectionKind.Forbidden => ApiProblem.Forbidden(r.Code, r.Message),
        RejectionKind.Invalid => ApiProblem.BadRequest(r.Code, r.Message),
        _ when r.Code == "wish_not_found" => ApiProblem.NotFound(r.Code, r.Message),
        _ => ApiProblem.Conflict(r.Code, r.Message),
    };
}
