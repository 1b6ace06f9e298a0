using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Domain.Wishes;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Wishes;

/// <summary>提交微心愿: a resident (no key) or the community's dispatcher on their behalf; the answer carries the tracking code once.</summary>
public static class SubmitWishFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "wishes");

    public static async Task<IResult> Run(HttpContext context, WishStore store, WishModule rules, CommunityDirectory directory, IdempotencyStore idempotency, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var request = await JsonBody.ReadAsync(context, ApiJson.Web.SubmitWishRequest);
        var snapshot = await directory.GetAsync(ct);
        if (!snapshot.Communities.TryGetValue(request.CommunityId, out var community))
            throw ApiProblem.BadRequest("unknown_community", "社区不存在，请检查社区编号。", "communityId");
        var caller = context.Caller();
        var by = caller switch
        {
            null => WishActors.Resident,
            { Role: ActorRole.Admin } => caller.AsActor(),
            { Role: ActorRole.Dispatcher } when caller.Scope == community.Id => caller.AsActor(),
            _ => throw ApiProblem.Forbidden("outside_scope", "您只能为本社区的居民代为提交心愿。"),
        };
        var now = clock.GetUtcNow();
        var id = WishAccess.NewId(now);
        var trackingCode = OrderIds.NewTrackingCode();
        SubmitWish Build(string wishId, string code) => new()
        {
            By = by, WishId = wishId, CommunityId = community.Id, StreetId = community.StreetId, Category = request.Category, Text = request.Text,
            Contact = request.Contact is { } c ? new WishContact(c.Name, c.Phone) : null, TrackingCodeHash = WishAccess.Hash(code),
        };
        var command = Build(id, trackingCode);
        if (rules.Decide(WishState.Initial, command, now).Rejection is { } invalid) throw WishCommandRunner.ToProblem(invalid);

        var replayed = false;
        if (IdempotencyKeyHeader.Read(context) is { } value)
        {
            var key = IdempotencyKey.For(caller, "wish\n" + value);
            var reservation = await idempotency.ReserveAsync(key, key.Fingerprint(request, ApiJson.Web.SubmitWishRequest), id, trackingCode, ct);
            (id, trackingCode) = (reservation.OrderId, reservation.TrackingCode);
            command = Build(id, trackingCode);
            replayed = reservation.Earlier && await store.LoadAsync(id, ct) is { } earlier && earlier.State.TrackingCodeHash == command.TrackingCodeHash;
        }
        if (!replayed)
        {
            var outcome = await store.ExecuteAsync(id, command, ct, expectNew: true);
            if (outcome.Rejection is { } r && !(r.Code == "wish_exists" && outcome.State.TrackingCodeHash == command.TrackingCodeHash))
                throw WishCommandRunner.ToProblem(r);
        }
        var location = $"/api/wishes/{id}";
        context.Response.Headers.Location = location;
        if (replayed) context.Response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        return Results.Json(new SubmittedWishView(id, trackingCode, WishStatus.Submitted.Code(), WishStatus.Submitted.Chinese(), location),
            ApiJson.Web.SubmittedWishView, statusCode: StatusCodes.Status201Created);
    }
}

/// <summary>A wish as the caller may see it: staff in scope, a liaison, the resident (tracking code), the claimer (claim code); anyone, once it is on the wall.</summary>
public static class GetWishFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "wishes/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, WishCommandRunner runner)
    {
        var loaded = await runner.FindAsync(id, context.RequestAborted);
        var anonymous = context.Caller() is null && context.Request.Headers[WishAccess.TrackingHeader].Count == 0 && context.Request.Headers[WishAccess.ClaimHeader].Count == 0;
        if (anonymous)
        {
            // The public sees what the wall shows; a wish not (or no longer) on the wall does not exist for it.
            if (!loaded.State.Status.IsOnWall()) throw ApiProblem.NotFound("wish_not_found", "心愿不存在，请检查编号。");
        }
        else WishAccess.Authorize(context, loaded.State);
        return await runner.ViewAsync(context, loaded.State);
    }
}

public static class PublishWishFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "wishes/{id}/publish");

    public static async Task<IResult> Run(HttpContext context, string id, WishCommandRunner runner)
    {
        context.RequireStaff();
        var request = await JsonBody.ReadAsync(context, ApiJson.Web.PublishWishRequest);
        return await runner.RunAsync(context, id, by => new PublishWish { By = by, PublicText = request.PublicText, DisplayName = request.DisplayName });
    }
}

public static class RejectWishFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "wishes/{id}/reject");

    public static async Task<IResult> Run(HttpContext context, string id, WishCommandRunner runner)
    {
        context.RequireStaff();
        var request = await JsonBody.ReadAsync(context, ApiJson.Web.ReasonRequest);
        return await runner.RunAsync(context, id, by => new RejectWish { By = by, Reason = request.Reason });
    }
}

public static class WithdrawWishFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "wishes/{id}/withdraw");

    public static async Task<IResult> Run(HttpContext context, string id, WishCommandRunner runner)
    {
        var request = context.Request.ContentLength is null or 0 ? null : await JsonBody.ReadAsync(context, ApiJson.Web.OptionalReasonRequest);
        return await runner.RunAsync(context, id, by => new WithdrawWish { By = by, Reason = request?.Reason });
    }
}

/// <summary>
/// 认领: a unit's liaison for the unit; a person (party member, volunteer) with name and phone and no key — the answer
/// carries their claim code once, for releasing and fulfilling; or staff on behalf of either.
/// </summary>
public static class ClaimWishFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "wishes/{id}/claim");

    public static async Task<IResult> Run(HttpContext context, string id, WishCommandRunner runner, CommunityDirectory directory, PersonKeys personKeys)
    {
        var request = await JsonBody.ReadAsync(context, ApiJson.Web.ClaimWishRequest);
        var caller = context.Caller();
        Claimer claimer;
        string? claimCode = null;
        switch (request.Kind)
        {
            case "unit":
                var unitId = request.UnitId ?? (caller is { Role: ActorRole.Liaison } ? caller.Scope : null)
                    ?? throw ApiProblem.BadRequest("unit_required", "请指明认领的成员单位。", "unitId");
                if (!(await directory.GetAsync(context.RequestAborted)).Units.TryGetValue(unitId, out var unit))
                    throw ApiProblem.BadRequest("unknown_unit", "成员单位不存在，请检查单位编号。", "unitId");
                if (unit.IsRetired) throw ApiProblem.BadRequest("unit_retired", $"{unit.Name}已退出共建，不能认领。", "unitId");
                if (request.Name is not null || request.Phone is not null)
                    throw ApiProblem.BadRequest("unexpected_person", "单位认领不需要填写个人姓名和电话。", "name");
                claimer = new Claimer(ClaimerKind.Unit, unit.Id, unit.Name, null, null, null);
                break;
            case "partyMember" or "volunteer":
                if (request.UnitId is not null) throw ApiProblem.BadRequest("unexpected_unit", "个人认领不需要填写单位。", "unitId");
                var phone = PhoneNumber.TryNormalize(request.Phone, out var normalized) ? normalized : request.Phone ?? "";
                claimer = new Claimer(request.Kind == "partyMember" ? ClaimerKind.PartyMember : ClaimerKind.Volunteer, null, null, request.Name, phone,
                    personKeys.Of(phone));
                if (caller is null) claimCode = OrderIds.NewTrackingCode();
                break;
            default:
                throw ApiProblem.BadRequest("invalid_claimer_kind", "认领人类型只能是 unit、partyMember 或 volunteer。", "kind");
        }
        return await runner.RunAsync(context, id,
            by => new ClaimWish { By = by, Claimer = claimer, ClaimCodeHash = claimCode is null ? null : WishAccess.Hash(claimCode) },
            actorFor: (ctx, wish) => ctx.Caller() is null
                // A person claims with no key and no code yet: the wish must be on the wall for them to have seen it.
                ? wish.Status.IsOnWall() ? WishActors.Person : throw ApiProblem.NotFound("wish_not_found", "心愿不存在，请检查编号。")
                : WishAccess.Authorize(ctx, wish),
            claimCode: claimCode);
    }
}

public static class ReleaseWishFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "wishes/{id}/release");

    public static async Task<IResult> Run(HttpContext context, string id, WishCommandRunner runner)
    {
        var request = context.Request.ContentLength is null or 0 ? null : await JsonBody.ReadAsync(context, ApiJson.Web.OptionalReasonRequest);
        return await runner.RunAsync(context, id, by => new ReleaseClaim { By = by, Reason = request?.Reason });
    }
}

/// <summary>上报实现: the claimer (or staff) with a note and 1–3 photos; photos are stored (EXIF stripped) only once the rules allow it.</summary>
public static class FulfilWishFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "wishes/{id}/fulfil");

    public static async Task<IResult> Run(HttpContext context, string id, WishCommandRunner runner, PhotoStore photos)
    {
        var request = await JsonBody.ReadAsync(context, ApiJson.Web.FulfilWishRequest, JsonBody.WithPhotos);
        if (request.Photos.Count > WishLimits.MaxPhotos)
            throw ApiProblem.BadRequest("too_many_photos", $"照片最多 {WishLimits.MaxPhotos} 张。", "photos");
        var prepared = PhotoStore.Prepare(request.Photos, "photos");
        return await runner.RunAsync(context, id,
            by => new FulfilWish { By = by, Note = request.Note, PhotoCount = prepared.Count },
            beforeSave: async command => ((FulfilWish)command) with { PhotoIds = await photos.SaveAsync(id, prepared, context.RequestAborted) });
    }
}

public static class ConfirmWishFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "wishes/{id}/confirm");

    public static Task<IResult> Run(HttpContext context, string id, WishCommandRunner runner) =>
        runner.RunAsync(context, id, by => new ConfirmWish { By = by });
}

/// <summary>
/// 删除个人信息 (PIPL): the community's staff (a reason required, e.g. the resident's or the claimer's request) or the
/// resident (tracking code) erase a closed wish's personal data; the retention timer does it <c>Wishes:EraseAfter</c> after it closed.
/// </summary>
public static class EraseWishFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "wishes/{id}/erase");

    public static async Task<IResult> Run(HttpContext context, string id, WishCommandRunner runner)
    {
        var request = context.Request.ContentLength is null or 0 && !context.Request.Headers.ContainsKey("Transfer-Encoding")
            ? null
            : await JsonBody.ReadAsync(context, ApiJson.Web.OptionalReasonRequest);
        return await runner.RunAsync(context, id, by => new EraseWishPersonalData { By = by, Reason = request?.Reason });
    }
}

/// <summary>A fulfilment photo, for those who may read the fulfilment (staff in scope, the resident, the claimer).</summary>
public static class GetWishPhotoFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "wishes/{id}/photos/{photoId}");

    public static async Task<IResult> Run(HttpContext context, string id, string photoId, WishCommandRunner runner, PhotoStore photos)
    {
        var loaded = await runner.FindAsync(id, context.RequestAborted);
        var actor = WishAccess.Authorize(context, loaded.State);
        var mayRead = WishAccess.IsStaffInScope(context.Caller(), loaded.State) || actor == WishActors.Resident || WishModule.IsClaimer(loaded.State, actor);
        if (!mayRead) throw ApiProblem.Forbidden("outside_scope", "只有社区工作人员、居民本人和认领人可以查看实现照片。");
        if (!loaded.State.PhotoIds.Contains(photoId) || await photos.OpenAsync(id, photoId, context.RequestAborted) is not { } photo)
            throw ApiProblem.NotFound("photo_not_found", "照片不存在。");
        context.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.Stream(photo.Content, photo.ContentType);
    }
}
