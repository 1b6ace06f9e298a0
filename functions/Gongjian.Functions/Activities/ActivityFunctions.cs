using System.Globalization;
using Azure.Data.Tables;
using Gongjian.Domain.Activities;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Activities;

/// <summary>
/// 发布活动: the community's dispatcher (or the street's organizer, an admin) for a community's or street's activity; a unit's
/// liaison for its own unit's.
/// </summary>
public static class AnnounceActivityFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "activities");

    public static async Task<IResult> Run(HttpContext context, ActivityStore store, CommunityDirectory directory, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        var request = await JsonBody.ReadAsync(context, ActivityApiJson.Web.AnnounceActivityRequest);
        if (!(await directory.GetAsync(ct)).Communities.TryGetValue(request.CommunityId, out var community))
            throw ApiProblem.BadRequest("unknown_community", "社区不存在，请检查社区编号。", "communityId");
        var kind = request.OrganiserKind switch
        {
            "community" => OrganiserKind.Community,
            "street" => OrganiserKind.Street,
            "unit" => OrganiserKind.Unit,
            _ => throw ApiProblem.BadRequest("invalid_organiser_kind", "主办方类型只能是 community、street 或 unit。", "organiserKind"),
        };
        var unitId = kind == OrganiserKind.Unit ? request.UnitId ?? (caller.Role == ActorRole.Liaison ? caller.Scope : null) : null;
        var inScope = caller.Role switch
        {
            ActorRole.Admin => true,
            ActorRole.Organizer => community.StreetId == caller.Scope,
            ActorRole.Dispatcher => community.Id == caller.Scope,
            ActorRole.Liaison => kind == OrganiserKind.Unit,
            _ => false,
        };
        if (!inScope) throw ApiProblem.Forbidden("outside_scope", "您只能在管辖范围内的社区发布活动。");
        var id = ActivityAccess.NewId(clock.GetUtcNow());
        var command = new AnnounceActivity
        {
            By = caller.AsActor(), ActivityId = id, CommunityId = community.Id, StreetId = community.StreetId, OrganiserKind = kind, OrganiserUnitId = unitId,
            Title = request.Title, Category = request.Category, Description = request.Description ?? "", Place = request.Place,
            VenueResourceId = request.VenueResourceId, StartsAt = request.StartsAt, EndsAt = request.EndsAt, Deadline = request.Deadline,
            Capacity = request.Capacity, Audiences = request.Audiences,
        };
        var messageId = RequestMessageId.Of(context);
        if (messageId is not null)
        {
            // A retry under the same key goes to the same activity, where the engine answers its first result.
            id = $"HD{command.StartsAt.UtcDateTime:yyMMdd}-{ActivityAccess.CheckInCodeOf(messageId)}";
            command = command with { ActivityId = id };
        }
        var outcome = await store.ExecuteAsync(id, command, ct, messageId: messageId, expectNew: true);
        if (outcome.Rejection is { } r) throw ActivityCommandRunner.ToProblem(r);
        if (outcome.Replayed) context.Response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        context.Response.Headers.Location = $"/api/activities/{id}";
        return Results.Json(ActivityCommandRunner.ToView(outcome.State, caller), ActivityApiJson.Web.ActivityView, statusCode: StatusCodes.Status201Created);
    }
}

/// <summary>活动列表: staff list the activities of a community, street or unit from <c>activityindex</c> (optionally those ending at or after <c>from</c>); rows are counts, never names.</summary>
public static class ListActivitiesFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "activities");
    private const int MaxRows = 200;

    public static async Task<IResult> Run(HttpContext context, StorageClients storage, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        string? Param(string name) => context.Request.Query[name].ToString() is { Length: > 0 } v ? v : null;
        var snapshot = await directory.GetAsync(context.RequestAborted);
        string? community = Param("community"), street = Param("street"), unit = Param("unit");
        var partition = StaffListScope.Partition(caller, snapshot, community, street, unit,
            new ListPartitions(ActivityModule.CommunityList, ActivityModule.StreetList, ActivityModule.UnitList), "只能查看您管辖范围内的活动。");
        // Rows run from the earliest start: `from` skips those that ended before it, so the coming ones stay within MaxRows.
        var from = Param("from") is not { } text ? (DateTimeOffset?)null
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
            : throw ApiProblem.BadRequest("invalid_from", "from 须是日期时间，例如 2026-03-01T00:00:00+08:00。", "from");
        var filter = from is { } f ? TableClient.CreateQueryFilter($"EndsAt ge {f}") : null;
        var items = await ActivityRows.ReadAsync(storage, partition, filter, MaxRows, context.RequestAborted);
        return Results.Json(new ActivityPage(items), ActivityApiJson.Web.ActivityPage);
    }
}

/// <summary>活动预告 (public): a community's coming activities still open or closed for registration, with counts only.</summary>
public static class ListPublicActivitiesFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "activities/public");
    private const int MaxRows = 100;

    public static async Task<IResult> Run(HttpContext context, StorageClients storage, CommunityDirectory directory, TimeProvider clock)
    {
        var community = context.Request.Query["community"].ToString();
        if (community.Length == 0 || !(await directory.GetAsync(context.RequestAborted)).Communities.ContainsKey(community))
            throw ApiProblem.BadRequest("unknown_community", "社区不存在，请检查社区编号。", "community");
        var now = clock.GetUtcNow();
        var filter = TableClient.CreateQueryFilter($"CommunityId eq {community} and EndsAt ge {now} and (Status eq {"open"} or Status eq {"registration_closed"})");
        var items = await ActivityRows.ReadAsync(storage, ActivityModule.PublicList, filter, MaxRows, context.RequestAborted);
        return Results.Json(new ActivityPage(items), ActivityApiJson.Web.ActivityPage);
    }
}

/// <summary>Rows of <c>activityindex</c>, soonest first (the row key is the start time).</summary>
public static class ActivityRows
{
    public static async Task<IReadOnlyList<ActivityListItem>> ReadAsync(StorageClients storage, string partition, string? filter, int max, CancellationToken ct)
    {
        var query = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Removed eq false") + (filter is null ? "" : " and " + filter);
        var items = new List<ActivityListItem>();
        await foreach (var row in storage.Table(TableNames.ActivityIndex).QueryAsync<TableEntity>(query, cancellationToken: ct))
        {
            items.Add(ToItem(row));
            if (items.Count == max) break;
        }
        return items;
    }

    public static ActivityListItem ToItem(TableEntity row)
    {
        var code = row.GetString("Status") ?? "";
        var status = Enum.GetValues<ActivityStatus>().FirstOrDefault(s => s.Code() == code);
        return new ActivityListItem(row.GetString("ActivityId") ?? "", status.Code(), status.Chinese(), row.GetString("Title") ?? "", row.GetString("Category") ?? "",
            row.GetString("Place") ?? "", row.GetString("CommunityId") ?? "", row.GetString("OrganiserKind") ?? "", row.GetString("UnitId"),
            row.GetDateTimeOffset("StartsAt") ?? default, row.GetDateTimeOffset("EndsAt") ?? default, row.GetDateTimeOffset("Deadline") ?? default,
            row.GetInt32("Capacity") ?? 0, row.GetInt32("RegisteredCount") ?? 0, row.GetInt32("WaitingCount") ?? 0,
            (row.GetString("Audiences") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>查看活动: staff; participants' names and phones only for the organiser (masked for other staff).</summary>
public static class GetActivityFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "activities/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, ActivityCommandRunner runner)
    {
        var caller = context.RequireStaff();
        var loaded = await runner.FindAsync(id, context.RequestAborted);
        return Results.Json(ActivityCommandRunner.ToView(loaded.State, caller), ActivityApiJson.Web.ActivityView);
    }
}

public static class CancelActivityFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "activities/{id}/cancel");

    public static async Task<IResult> Run(HttpContext context, string id, ActivityCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, ActivityApiJson.Web.CancelActivityRequest);
        return await runner.RunAsync(context, id, by => new CancelActivity { By = by, Reason = request.Reason });
    }
}

/// <summary>修改活动: the organiser corrects name, category, introduction and place before the start; a new place is told to those who registered.</summary>
public static class ReviseActivityFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "activities/{id}/revise");

    public static async Task<IResult> Run(HttpContext context, string id, ActivityCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, ActivityApiJson.Web.ReviseActivityRequest);
        return await runner.RunAsync(context, id, by => new ReviseActivity
        {
            By = by, Title = request.Title, Category = request.Category, Description = request.Description ?? "", Place = request.Place,
        });
    }
}

public static class CheckInFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "activities/{id}/checkin");

    public static async Task<IResult> Run(HttpContext context, string id, ActivityCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, ActivityApiJson.Web.CheckInRequest);
        if (request.PersonKey is null == request.Code is null)
            throw ApiProblem.BadRequest("person_or_code_required", "请按名单选择报名人，或输入报名人手机上的签到码（二选一）。", "personKey");
        return await runner.RunAsync(context, id, by => new CheckIn { By = by, PersonKey = request.PersonKey, CheckInCode = request.Code });
    }
}

public static class RecordAttendanceFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "activities/{id}/attendance");

    public static async Task<IResult> Run(HttpContext context, string id, ActivityCommandRunner runner, PhotoStore photos)
    {
        var request = await JsonBody.ReadAsync(context, ActivityApiJson.Web.AttendanceRequest, JsonBody.WithPhotos);
        if (request.Photos?.Count > ActivityLimits.MaxPhotos) throw ApiProblem.BadRequest("too_many_photos", $"照片最多 {ActivityLimits.MaxPhotos} 张。", "photos");
        // The orders' photo pipeline: decoded, checked, EXIF/GPS stripped; stored under the activity's id once the rules allow the command.
        var prepared = PhotoStore.Prepare(request.Photos, "photos");
        return await runner.RunAsync(context, id,
            by => new RecordAttendance
            {
                By = by, Lines = [.. request.Lines.Select(l => new AttendanceLine(l.PersonKey, l.Hours))], PhotoIds = [.. prepared.Select((_, i) => $"pending-{i}")],
            },
            prepared.Count == 0 ? null : async command => (RecordAttendance)command with { PhotoIds = await photos.SaveAsync(id, prepared, context.RequestAborted) });
    }
}

/// <summary>活动风采: after the attendance is recorded, the organiser shows the activity (counts and photos, no names) on the public page.</summary>
public static class ShowcaseActivityFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "activities/{id}/showcase");

    public static Task<IResult> Run(HttpContext context, string id, ActivityCommandRunner runner) =>
        runner.RunAsync(context, id, by => new ShowcaseActivity { By = by });
}

/// <summary>An attendance photo: staff (as they may read the activity) at any time; anyone once the activity is in 活动风采.</summary>
public static class GetActivityPhotoFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "activities/{id}/photos/{photoId}");

    public static async Task<IResult> Run(HttpContext context, string id, string photoId, ActivityCommandRunner runner, PhotoStore photos)
    {
        var state = (await runner.FindAsync(id, context.RequestAborted)).State;
        if (!state.PhotoIds.Contains(photoId)) throw ApiProblem.NotFound("photo_not_found", "照片不存在。");
        if (!state.Showcase) context.RequireStaff();
        var photo = await photos.OpenAsync(id, photoId, context.RequestAborted) ?? throw ApiProblem.NotFound("photo_not_found", "照片不存在。");
        context.Response.Headers.CacheControl = state.Showcase ? "public, max-age=3600" : "private, max-age=3600";
        return Results.Stream(photo.Content, photo.ContentType);
    }
}

/// <summary>
/// 报名 (no key): name, phone and who they are; a place while any is free, else the waiting list. The answer carries the
/// registration code (its hash is stored, as wishes' tracking codes) and the check-in code, once.
/// </summary>
public static class RegisterForActivityFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "activities/{id}/registrations");

    public static async Task<IResult> Run(HttpContext context, string id, ActivityCommandRunner runner, ActivityRegistrar registrar, PersonKeys personKeys)
    {
        var ct = context.RequestAborted;
        var request = await JsonBody.ReadAsync(context, ActivityApiJson.Web.RegisterRequest);
        await runner.FindAsync(id, ct);
        if (!ActivityAudience.IsKnown(request.Kind))
            throw ApiProblem.BadRequest("invalid_kind", "报名身份只能是 residents、party_members、volunteers 或 units。", "kind");
        if (!PhoneNumber.TryNormalize(request.Phone, out var phone))
            throw ApiProblem.BadRequest("invalid_phone", "联系电话格式不正确，请填写 11 位手机号或带区号的固定电话。", "phone");
        var by = context.Caller() is { } caller ? caller.AsActor() : ActivityAccess.Person;
        var code = OrderIds.NewTrackingCode();
        var personKey = personKeys.Of(phone);
        var command = new RegisterForActivity
        {
            By = by, PersonKey = personKey, Name = request.Name, Phone = phone, Audience = request.Kind,
            CancelCodeHash = ActivityAccess.Hash(code), CheckInCode = ActivityAccess.CheckInCodeOf(code),
        };
        var outcome = await registrar.RunAsync(id, command, RequestMessageId.Of(context) ?? "r-" + Guid.NewGuid().ToString("N"), ct);
        if (outcome.Rejection is { } r) throw ActivityCommandRunner.ToProblem(r);
        if (outcome.Replayed) context.Response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        var s = outcome.State;
        var waiting = s.Waiting.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.PersonKey == personKey);
        var view = waiting.p is not null
            ? new RegistrationView(id, "waiting", $"候补第{waiting.i + 1}位", $"名额已满，您是候补第{waiting.i + 1}位；有人取消时按顺序递补。", waiting.i + 1, null, null)
            : new RegistrationView(id, "registered", "已报名", $"已报名“{s.Title}”，请凭签到码准时参加。", null, null, null);
        if (!outcome.Replayed) view = view with { RegistrationCode = code, CheckInCode = command.CheckInCode };
        context.Response.Headers.Location = $"/api/activities/{id}";
        return Results.Json(view, ActivityApiJson.Web.RegistrationView, statusCode: StatusCodes.Status201Created);
    }
}

/// <summary>取消报名 (no key): the phone and registration code given at registration; the first waiting person moves up.</summary>
public static class CancelRegistrationFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "activities/{id}/registrations/cancel");

    public static async Task<IResult> Run(HttpContext context, string id, ActivityCommandRunner runner, ActivityRegistrar registrar, PersonKeys personKeys)
    {
        var ct = context.RequestAborted;
        var request = await JsonBody.ReadAsync(context, ActivityApiJson.Web.CancelRegistrationRequest);
        await runner.FindAsync(id, ct);
        if (!PhoneNumber.TryNormalize(request.Phone, out var phone))
            throw ApiProblem.BadRequest("invalid_phone", "联系电话格式不正确，请填写 11 位手机号或带区号的固定电话。", "phone");
        var personKey = personKeys.Of(phone);
        var command = new CancelRegistration { By = ActivityAccess.Person, PersonKey = personKey, CancelCodeHash = ActivityAccess.Hash(request.Code) };
        var outcome = await registrar.RunAsync(id, command, RequestMessageId.Of(context) ?? "c-" + Guid.NewGuid().ToString("N"), ct);
        if (outcome.Rejection is { } r) throw ActivityCommandRunner.ToProblem(r);
        if (outcome.Replayed) context.Response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        return Results.Json(new RegistrationView(id, "cancelled", "已取消报名", $"已取消“{outcome.State.Title}”的报名。", null, null, null),
            ActivityApiJson.Web.RegistrationView);
    }
}
