using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Gongjian.Domain.Deliberations;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Functions.Access;
using Gongjian.Functions.Activities;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Projects;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Deliberations;

/// <summary>提 (staff key): the community's staff record a topic (their own, a grid worker's, or a resident's with contact); a liaison raises its unit's.</summary>
public static class RaiseDeliberationFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "deliberations");

    public static async Task<IResult> Run(HttpContext context, DeliberationStore store, MessageInstanceIds ids, CommunityDirectory directory, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        var request = await JsonBody.ReadAsync(context, DeliberationApiJson.Web.RaiseDeliberationRequest);
        var community = await DeliberationRaising.CommunityAsync(directory, request.CommunityId, ct);
        var inScope = caller.Role switch
        {
            ActorRole.Admin => true,
            ActorRole.Organizer => community.StreetId == caller.Scope,
            ActorRole.Dispatcher => community.Id == caller.Scope,
            ActorRole.Liaison => true,
            _ => false,
        };
        if (!inScope) throw ApiProblem.Forbidden("outside_scope", "您只能为管辖范围内的社区提出议题。");
        var command = new RaiseTopic
        {
            By = caller.AsActor(), DeliberationId = "", CommunityId = community.Id, StreetId = community.StreetId, Estate = request.Estate,
            Title = request.Title, Description = request.Description ?? "",
            Source = request.Source ?? (caller.Role == ActorRole.Liaison ? TopicSource.Unit : TopicSource.Staff),
            Contact = request.Contact is { } c ? new Contact(c.Name, c.Phone) : null,
        };
        var outcome = await DeliberationRaising.RaiseAsync(context, store, ids, command, clock);
        return Results.Json(DeliberationCommandRunner.ToView(outcome.State, caller), DeliberationApiJson.Web.DeliberationView, statusCode: StatusCodes.Status201Created);
    }
}

/// <summary>提 (no key): a resident raises a topic with their name and phone; the tracking code to follow it is in the answer, once.</summary>
public static class RaisePublicDeliberationFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "deliberations/public");

    public static async Task<IResult> Run(HttpContext context, DeliberationStore store, MessageInstanceIds ids, CommunityDirectory directory, TimeProvider clock)
    {
        var request = await JsonBody.ReadAsync(context, DeliberationApiJson.Web.RaisePublicRequest);
        var community = await DeliberationRaising.CommunityAsync(directory, request.CommunityId, context.RequestAborted);
        var (view, _) = await DeliberationRaising.RaiseForResidentAsync(context, store, ids, clock, community.Id, community.StreetId, request.Estate,
            request.Title, request.Description ?? "", request.Name, request.Phone);
        return Results.Json(view, DeliberationApiJson.Web.RaisedView, statusCode: StatusCodes.Status201Created);
    }
}

/// <summary>What the two front doors of 提 (the API and the chat) share: the community, the id, the save.</summary>
public static class DeliberationRaising
{
    /// <summary>The module name a message id's topic id is reserved under (<see cref="MessageInstanceIds"/>).</summary>
    public const string Module = "deliberation";

    public static async Task<Gongjian.Domain.Community.CommunityArea> CommunityAsync(CommunityDirectory directory, string id, CancellationToken ct) =>
        (await directory.GetAsync(ct)).Communities.TryGetValue(id, out var community) && !community.IsRetired
            ? community
            : throw ApiProblem.BadRequest("unknown_community", "社区不存在，请检查社区编号。", "communityId");

    /// <summary>Saves a new topic under a fresh id (or, with an Idempotency-Key, the id the key stands for).</summary>
    public static async Task<Gongjian.Engine.Outcome<DeliberationState, DeliberationEvent>> RaiseAsync(HttpContext? context, DeliberationStore store,
        MessageInstanceIds ids, RaiseTopic command, TimeProvider clock, string? messageId = null, CancellationToken ct = default)
    {
        ct = context?.RequestAborted ?? ct;
        messageId ??= context is null ? null : RequestMessageId.Of(context);
        var fresh = DeliberationAccess.NewId(clock.GetUtcNow());
        // A retry (even past midnight) raises under the id the first request reserved: one topic, answered with the first result.
        var id = messageId is null ? fresh : await ids.ReserveAsync(Module, messageId, fresh, ct);
        var outcome = await store.ExecuteAsync(id, command with { DeliberationId = id }, ct, messageId: messageId, expectNew: true);
        if (outcome.Rejection is { } r) throw DeliberationCommandRunner.ToProblem(r);
        if (context is not null)
        {
            if (outcome.Replayed) context.Response.Headers[IdempotencyKeyHeader.Replayed] = "true";
            context.Response.Headers.Location = $"/api/deliberations/{id}";
        }
        return outcome;
    }

    public static async Task<(RaisedView View, string Id)> RaiseForResidentAsync(HttpContext? context, DeliberationStore store, MessageInstanceIds ids, TimeProvider clock,
        string communityId, string streetId, string? estate, string title, string description, string name, string phone, string? messageId = null)
    {
        var code = OrderIds.NewTrackingCode();
        var command = new RaiseTopic
        {
            By = DeliberationAccess.Resident, DeliberationId = "", CommunityId = communityId, StreetId = streetId, Estate = estate, Title = title,
            Description = description, Source = TopicSource.Resident, Contact = new Contact(name, phone), TrackingCodeHash = DeliberationAccess.Hash(code),
        };
        var outcome = await RaiseAsync(context, store, ids, command, clock, messageId);
        var s = outcome.State;
        return (new RaisedView(s.Id, s.Status.Code(), s.Status.Chinese(),
            $"您的议题“{s.Title}”已提交，编号 {s.Id}。社区会在 3 个工作日内审核，审核结果可凭查询码查看。", outcome.Replayed ? null : code), s.Id);
    }
}

/// <summary>议事列表: the deliberations of a community, street or unit from <c>deliberationindex</c>, newest first; counts only.</summary>
public static class ListDeliberationsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "deliberations");
    private const int MaxRows = 200;

    public static async Task<IResult> Run(HttpContext context, StorageClients storage, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        string? Param(string name) => context.Request.Query[name].ToString() is { Length: > 0 } v ? v : null;
        var snapshot = await directory.GetAsync(context.RequestAborted);
        string? community = Param("community"), street = Param("street"), unit = Param("unit");
        var partition = StaffListScope.Partition(caller, snapshot, community, street, unit,
            new ListPartitions(DeliberationModule.CommunityList, DeliberationModule.StreetList, DeliberationModule.UnitList), "只能查看您管辖范围内的议题。");
        return Results.Json(new DeliberationPage(await DeliberationRows.ReadAsync(storage, partition, MaxRows, context.RequestAborted)),
            DeliberationApiJson.Web.DeliberationPage);
    }
}

public static class DeliberationRows
{
    public static async Task<List<DeliberationListItem>> ReadAsync(StorageClients storage, string partition, int max, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Removed eq false");
        var items = new List<DeliberationListItem>();
        await foreach (var row in storage.Table(TableNames.DeliberationIndex).QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var status = row.GetString("Status") ?? "";
            items.Add(new DeliberationListItem(row.GetString("DeliberationId") ?? "", status, StatusText(status), row.GetInt32("Step") ?? 1,
                row.GetString("Title") ?? "", row.GetString("CommunityId") ?? "", row.GetString("Estate"), row.GetString("Source") ?? "",
                row.GetDateTimeOffset("RaisedAt") ?? default, row.GetDateTimeOffset("MeetingAt"), row.GetInt32("OpinionCount") ?? 0,
                row.GetInt32("ActionCount") ?? 0, row.GetInt32("ActionsDone") ?? 0, row.GetInt32("RatingCount") ?? 0, row.GetDouble("RatingAverage")));
            if (items.Count >= max) break;
        }
        return items;
    }

    private static string StatusText(string code) =>
        Enum.GetValues<DeliberationStatus>().FirstOrDefault(s => s.Code() == code) is var s && s.Code() == code ? s.Chinese() : code;
}

/// <summary>查看议题: its managers see the raiser's contact; a liaison of a raising or invited unit sees it masked.</summary>
public static class GetDeliberationFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "deliberations/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, DeliberationCommandRunner runner)
    {
        var loaded = await runner.FindAsync(id, context.RequestAborted);
        DeliberationAccess.RequireViewer(context, loaded.State);
        return Results.Json(DeliberationCommandRunner.ToView(loaded.State, context.Caller()), DeliberationApiJson.Web.DeliberationView);
    }
}

/// <summary>审: accept for deliberation.</summary>
public static class AcceptDeliberationFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "deliberations/{id}/accept");

    public static Task<IResult> Run(HttpContext context, string id, DeliberationCommandRunner runner) =>
        runner.ManageAsync(context, id, by => new AcceptTopic { By = by });
}

/// <summary>审: decline, with the reason the raiser is told.</summary>
public static class DeclineDeliberationFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "deliberations/{id}/decline");

    public static async Task<IResult> Run(HttpContext context, string id, DeliberationCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, DeliberationApiJson.Web.ReasonRequest);
        return await runner.ManageAsync(context, id, by => new DeclineTopic { By = by, Reason = request.Reason });
    }
}

/// <summary>审: answer directly, without a meeting.</summary>
public static class AnswerDeliberationFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "deliberations/{id}/answer");

    public static async Task<IResult> Run(HttpContext context, string id, DeliberationCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, DeliberationApiJson.Web.AnswerRequest);
        return await runner.ManageAsync(context, id, by => new AnswerTopic { By = by, Answer = request.Answer });
    }
}

/// <summary>议: schedule the meeting with its invited parties (units from the directory) and an optional vote.</summary>
public static class ScheduleDeliberationFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "deliberations/{id}/meeting");

    public static async Task<IResult> Run(HttpContext context, string id, DeliberationCommandRunner runner, CommunityDirectory directory)
    {
        var request = await JsonBody.ReadAsync(context, DeliberationApiJson.Web.ScheduleRequest);
        var units = request.UnitIds ?? [];
        var snapshot = await directory.GetAsync(context.RequestAborted);
        if (units.FirstOrDefault(u => !snapshot.Units.ContainsKey(u)) is { } unknown)
            throw ApiProblem.BadRequest("unknown_unit", $"没有编号为“{unknown}”的共建单位。", "unitIds");
        return await runner.ManageAsync(context, id, by => new ScheduleMeeting
        {
            By = by, At = request.At, Place = request.Place, Parties = request.Parties, UnitIds = units,
            Vote = request.Vote is { } v ? new VoteSpec(v.Question, v.Rule, v.ClosesAt) : null,
        });
    }
}

/// <summary>议: an opinion. Staff (any party's, as recorded), a liaison (its unit's, if invited or the raiser), or a resident by phone (no key).</summary>
public static class AddDeliberationOpinionFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "deliberations/{id}/opinions");

    public static async Task<IResult> Run(HttpContext context, string id, DeliberationCommandRunner runner, PersonKeys personKeys)
    {
        var request = await JsonBody.ReadAsync(context, DeliberationApiJson.Web.OpinionRequest);
        return await runner.RunAsync(context, id, (s, _) =>
        {
            if (context.Caller() is { } caller)
            {
                if (!DeliberationAccess.CanSee(caller, s)) throw ApiProblem.Forbidden("outside_scope", "该议题不在您的管辖范围内。");
                var kind = caller.Role == ActorRole.Liaison ? DeliberationParty.Units : request.AuthorKind ?? DeliberationParty.Staff;
                return new AddOpinion { By = caller.AsActor(), AuthorKind = kind, Text = request.Text };
            }
            return new AddOpinion { By = DeliberationAccess.Resident, AuthorKind = DeliberationParty.Residents, PersonKey = PersonKeyOf(personKeys, request.Phone), Text = request.Text };
        });
    }

    public static string PersonKeyOf(PersonKeys keys, string? phone) =>
        PhoneNumber.TryNormalize(phone, out var normalized) ? keys.Of(normalized)
            : throw ApiProblem.BadRequest("invalid_phone", "请填写正确的 11 位手机号（只用来确认每人一次，不会公开）。", "phone");
}

/// <summary>议: a vote — a resident by phone (no key), once, before the deadline; or a liaison for its invited unit.</summary>
public static class CastDeliberationVoteFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "deliberations/{id}/votes");

    public static async Task<IResult> Run(HttpContext context, string id, DeliberationCommandRunner runner, PersonKeys personKeys)
    {
        var request = await JsonBody.ReadAsync(context, DeliberationApiJson.Web.VoteRequest);
        return await runner.RunAsync(context, id, (s, _) =>
        {
            if (context.Caller() is { } caller)
            {
                if (caller.Role != ActorRole.Liaison || s.Meeting?.UnitIds.Contains(caller.Scope) != true)
                    throw ApiProblem.Forbidden("not_invited", "只有受邀参加议事的共建单位可以用密钥表决；居民请用手机号投票。");
                return new CastVote { By = caller.AsActor(), VoterKey = "unit:" + caller.Scope, Choice = request.Choice };
            }
            return new CastVote { By = DeliberationAccess.Resident, VoterKey = AddDeliberationOpinionFunction.PersonKeyOf(personKeys, request.Phone), Choice = request.Choice };
        });
    }
}

/// <summary>议: staff close the vote once its deadline passed (the timer does it otherwise).</summary>
public static class CloseDeliberationVoteFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "deliberations/{id}/vote/close");

    public static Task<IResult> Run(HttpContext context, string id, DeliberationCommandRunner runner) =>
        runner.ManageAsync(context, id, by => new CloseVote { By = by });
}

/// <summary>议 → 办: minutes and decision with what it becomes; a project named must exist in the deliberation's street.</summary>
public static class RecordDeliberationDecisionFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "deliberations/{id}/decision");

    public static async Task<IResult> Run(HttpContext context, string id, DeliberationCommandRunner runner, ProjectStore projects, DeliberationLinks links, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var request = await JsonBody.ReadAsync(context, DeliberationApiJson.Web.DecisionRequest);
        var loaded = await runner.FindAsync(id, ct);
        var by = DeliberationAccess.RequireManager(context, loaded.State);
        foreach (var projectId in request.Actions.Where(a => a.Kind == ActionKind.Project && !string.IsNullOrWhiteSpace(a.ProjectId)).Select(a => a.ProjectId!))
        {
            var project = ProjectAccess.IsWellFormed(projectId) ? (await projects.LoadAsync(projectId, ct))?.State : null;
            if (project is null || project.StreetId != loaded.State.StreetId)
                throw ApiProblem.BadRequest("project_not_found", $"本街道没有编号为“{projectId}”的项目，决议不能指向它。", "actions");
        }
        var command = new RecordDecision
        {
            By = by, Minutes = request.Minutes, Decision = request.Decision, Attendees = request.Attendees,
            Actions = [.. request.Actions.Select(a => new PlannedAction(a.Kind, a.Text ?? "", a.Category, a.Address, a.ProjectId))],
        };
        if (runner.Store.Module.Decide(loaded.State, command, clock.GetUtcNow()) is { Rejection: null } verdict)
            // The way back from each project before the decision names it: a project that ends right after still finds it.
            foreach (var action in verdict.Events.OfType<DecisionRecorded>().SelectMany(d => d.Actions).Where(a => a.Kind == ActionKind.Project))
                await links.LinkAsync(action.ProjectId!, id, ct);
        var outcome = await runner.ExecuteAsync(context, id, command, loaded);
        return Results.Json(DeliberationCommandRunner.ToView(outcome.State, context.Caller()), DeliberationApiJson.Web.DeliberationView);
    }
}

/// <summary>
/// 办: every order action of the decision not yet placed becomes an order through the orders' own rules (placed by the
/// staff member, the contact given for the units to call), linked both ways: the link row first, then the order, then the
/// deliberation's <see cref="LinkAction"/>. A retry places nothing twice (the order id derives from the deliberation and action).
/// </summary>
public static class CreateDeliberationOrdersFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "deliberations/{id}/orders");

    public static async Task<IResult> Run(HttpContext context, string id, DeliberationCommandRunner runner, OrderStore orders, DeliberationLinks links, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var request = await JsonBody.ReadAsync(context, DeliberationApiJson.Web.CreateOrdersRequest);
        var loaded = await runner.FindAsync(id, ct);
        var by = DeliberationAccess.RequireManager(context, loaded.State);
        var s = loaded.State;
        if (s.Status is not (DeliberationStatus.Decided or DeliberationStatus.Acting))
            throw ApiProblem.Conflict($"deliberation_{s.Status.Code()}", $"议题当前为“{s.Status.Chinese()}”，不能转为工单。");
        var pending = s.Actions.Where(a => a.Kind == ActionKind.Order && a.TargetId is null).ToList();
        if (pending.Count == 0) throw ApiProblem.Conflict("no_orders_pending", "决议中的事项都已转为工单或项目。");
        if (!PhoneNumber.TryNormalize(request.Contact.Phone, out _))
            throw ApiProblem.BadRequest("invalid_phone", "联系电话格式不正确，请填写 11 位手机号或带区号的固定电话。", "contact.phone");
        var created = new List<CreatedOrder>();
        foreach (var action in pending)
        {
            var orderId = DeliberationLinks.OrderIdFor(s, action.No);
            var code = OrderIds.NewTrackingCode();
            var place = new PlaceOrder
            {
                By = by, OrderId = orderId, Text = DeliberationLinks.OrderTextFor(s, action), Category = action.Category, CommunityId = s.CommunityId,
                StreetId = s.StreetId, Address = action.Address!, Contact = new Contact(request.Contact.Name, request.Contact.Phone),
                TrackingCodeHash = OrderAccess.HashTrackingCode(code), Origin = OrderOrigin.Deliberation(s.Id),
            };
            if (OrderDecider.Decide(OrderState.Initial, place, clock.GetUtcNow()).Rejection is { } invalid)
                throw OrderCommandRunnerProblem(invalid, action.No);
            await links.LinkAsync(orderId, s.Id, ct);
            var placed = await orders.ExecuteAsync(orderId, place, ct, expectNew: true);
            var fresh = placed.Rejection is null;
            if (!fresh && !(placed.Rejection!.Code == "order_exists" && placed.State.Text == place.Text))
                throw OrderCommandRunnerProblem(placed.Rejection, action.No);
            var linked = await runner.Store.ExecuteAsync(id, new LinkAction { By = by, ActionNo = action.No, TargetId = orderId }, ct, messageId: "link-" + orderId);
            if (linked.Rejection is { } r) throw DeliberationCommandRunner.ToProblem(r);
            created.Add(new CreatedOrder(action.No, orderId, fresh ? code : null));
        }
        var after = (await runner.FindAsync(id, ct)).State;
        return Results.Json(new CreatedOrders(DeliberationCommandRunner.ToView(after, context.Caller()), created), DeliberationApiJson.Web.CreatedOrders);
    }

    private static ApiProblem OrderCommandRunnerProblem(Gongjian.Domain.Workflow.Rejection r, int actionNo) =>
        ApiProblem.BadRequest("order_refused", $"第 {actionNo} 件事项不能转为工单：{r.Message}");
}

/// <summary>评: a resident rates the delivered result (no key, by phone: once each).</summary>
public static class RateDeliberationFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "deliberations/{id}/ratings");

    public static async Task<IResult> Run(HttpContext context, string id, DeliberationCommandRunner runner, PersonKeys personKeys)
    {
        var request = await JsonBody.ReadAsync(context, DeliberationApiJson.Web.RatingRequest);
        return await runner.RunAsync(context, id, (_, _) => new RateResult
        {
            By = DeliberationAccess.Resident, PersonKey = AddDeliberationOpinionFunction.PersonKeyOf(personKeys, request.Phone), Stars = request.Stars, Comment = request.Comment,
        });
    }
}

/// <summary>Staff close a delivered deliberation (after residents rated it).</summary>
public static class CloseDeliberationFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "deliberations/{id}/close");

    public static Task<IResult> Run(HttpContext context, string id, DeliberationCommandRunner runner) =>
        runner.ManageAsync(context, id, by => new CloseDeliberation { By = by });
}

/// <summary>The resident follows their topic with its tracking code (<c>X-Tracking-Code</c>): the step and what was said.</summary>
public static class DeliberationProgressFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "deliberations/{id}/progress");
    public const string TrackingHeader = "X-Tracking-Code";

    public static async Task<IResult> Run(HttpContext context, string id, DeliberationCommandRunner runner)
    {
        var loaded = await runner.FindAsync(id, context.RequestAborted);
        var s = loaded.State;
        if (context.Caller() is { } caller)
        {
            if (!DeliberationAccess.CanSee(caller, s)) throw ApiProblem.Forbidden("outside_scope", "该议题不在您的管辖范围内。");
        }
        else if (context.Request.Headers[TrackingHeader].ToString() is { Length: > 0 } code)
        {
            if (s.TrackingCodeHash is not { } hash || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(DeliberationAccess.Hash(code)), Encoding.ASCII.GetBytes(hash)))
                throw ApiProblem.Forbidden("invalid_tracking_code", "查询码不正确。");
        }
        else throw ApiProblem.Unauthorized("authentication_required", "请提供工作人员密钥，或在 X-Tracking-Code 中提供议题的查询码。");
        return Results.Json(ProgressOf(s), DeliberationApiJson.Web.ProgressView);
    }

    public static readonly string[] StepNames = ["提", "审", "议", "办", "评"];

    public static ProgressView ProgressOf(DeliberationState s) => new(s.Id, s.Title, s.Status.Code(), s.Status.Chinese(), s.Status.Step(),
        StepNames[s.Status.Step() - 1], s.Reply, s.Meeting?.At, s.Meeting?.Place, s.Decision, s.Actions.Count, s.Actions.Count(a => a.Done),
        s.Status == DeliberationStatus.Delivered, MessageOf(s));

    public static string MessageOf(DeliberationStatus status) => MessageOf(new DeliberationState { Status = status });

    public static string MessageOf(DeliberationState s) => s.Status switch
    {
        DeliberationStatus.Raised => "议题已提交，正在等待社区审核。",
        DeliberationStatus.Accepted => "社区已受理，正在安排议事会。",
        DeliberationStatus.Declined => $"社区未予受理：{s.Reply}",
        DeliberationStatus.Answered => $"社区已答复：{s.Reply}",
        DeliberationStatus.Scheduled when s.Meeting is { } m => $"议事会定于 {DeliberationModule.ToChina(m.At):M月d日 HH:mm} 在{m.Place}召开，欢迎发表意见。",
        DeliberationStatus.Decided or DeliberationStatus.Acting => $"已形成决议：{s.Decision}（{s.Actions.Count(a => a.Done)}/{s.Actions.Count} 件已办结）",
        DeliberationStatus.Delivered => "决议事项已全部办结，欢迎评价办理结果。",
        DeliberationStatus.Closed => "议题已办结并完成评议，谢谢您的参与。",
        _ => s.Status.Chinese(),
    };
}
