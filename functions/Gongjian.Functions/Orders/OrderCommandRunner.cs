using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.ContactAudit;
using Gongjian.Functions.Http;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Orders;

/// <summary>The shared steps of every order action: find, authorize, decide and save, answer.</summary>
public sealed class OrderCommandRunner(OrderStore store, CommunityDirectory directory, SlaPolicy policy, TimeProvider clock, ContactViewLog contactViews, ILogger<OrderCommandRunner> logger)
{
    public async Task<LoadedOrder> FindAsync(string id, CancellationToken ct) =>
        (OrderIds.IsWellFormed(id) ? await store.LoadAsync(id, ct) : null)
        ?? throw ApiProblem.NotFound("order_not_found", "工单不存在，请检查工单编号。");

    /// <param name="beforeSave">
    /// Work that must not happen for a refused command (storing photos): it runs only after the
    /// command passed the rules once, and may complete the command.
    /// </param>
    public async Task<IResult> RunAsync(
        HttpContext context, string id, Func<Actor, OrderCommand> build, Func<OrderCommand, Task<OrderCommand>>? beforeSave = null)
    {
        var ct = context.RequestAborted;
        ContactParameter(context); // a bad ?contact= is refused before the command runs, not after
        var loaded = (OrderIds.IsWellFormed(id) ? await store.LoadForCommandAsync(id, ct) : null) ?? await FindAsync(id, ct);
        OrderCommand command;
        try
        {
            command = Check(context, loaded, build, early: beforeSave is not null);
        }
        catch (ApiProblem) when (loaded.Cached)
        {
            // Refused on the state this process remembers: confirm on what is stored before answering.
            loaded = await FindAsync(id, ct);
            command = Check(context, loaded, build, early: beforeSave is not null);
        }
        if (beforeSave is not null) command = await beforeSave(command);
        var outcome = await store.ExecuteAsync(id, command, ct, loaded);
        if (outcome.Rejection is { } r)
        {
            // A late, repeated or out-of-order request changes nothing, but the order's history says why.
            if (r.Kind == RejectionKind.Conflict)
                await store.NoteAsync(id, r.Code, $"{ActorNames.Of(command.By)}的请求未执行：{r.Message}", ct);
            throw ToProblem(r);
        }
        return await ViewAsync(context, outcome.State);
    }

    /// <summary>Who may do it, and — when work must precede the save — whether the rules allow it at all.</summary>
    private OrderCommand Check(HttpContext context, LoadedOrder loaded, Func<Actor, OrderCommand> build, bool early)
    {
        var command = build(OrderAccess.Authorize(context, loaded.State));
        if (early && OrderDecider.Decide(loaded.State, command, clock.GetUtcNow()).Rejection is { } refused) throw ToProblem(refused);
        return command;
    }

    /// <summary>
    /// The order as this caller may see it. <c>?contact=masked</c> withholds the contact from one who may see it
    /// (the console's board and first look); every answer that does show it to staff is recorded in the contact audit first.
    /// </summary>
    public async Task<IResult> ViewAsync(HttpContext context, OrderState state, OrderHistory? history = null, int status = 200)
    {
        var withhold = ContactParameter(context);
        var snapshot = await directory.GetAsync(context.RequestAborted);
        var communityName = snapshot.CommunityName(state.CommunityId, state.CommunityId);
        var caller = context.Caller();
        var notes = history?.Notes.Select(n => new TimelineEntry(0, "note", n.At, new ActorView("system", "系统"), n.Text, n.Code)).ToList();
        var view = OrderViewMapper.ToView(state, caller, communityName, policy, clock.GetUtcNow(), history?.Events, notes, withhold);
        if (caller is not null && view.ContactVisible && state.PersonalDataErasedAt is null)
        {
            try
            {
                await contactViews.RecordAsync(state.Id, caller, ContactViewLog.ViaOf(context), context.RequestAborted);
            }
            catch (Exception e) when (StorageFaults.IsUnavailable(e))
            {
                // A command answered here is already stored: failing now would make its caller retry a change that
                // happened. Without its audit row the contact is not shown; 显示联系方式 asks again later.
                logger.LogWarning(e, "Contact view of order {Id} not recorded (storage unavailable); answered masked", state.Id);
                view = OrderViewMapper.ToView(state, caller, communityName, policy, clock.GetUtcNow(), history?.Events, notes, withhold: true);
            }
        }
        return Results.Json(view, ApiJson.Web.OrderView, statusCode: status);
    }

    /// <summary><c>contact=masked</c> or <c>contact=full</c> (the default); anything else is refused before any work.</summary>
    public static bool ContactParameter(HttpContext context) => context.Request.Query["contact"].ToString() switch
    {
        "" or "full" => false,
        "masked" => true,
        _ => throw ApiProblem.BadRequest("invalid_contact", "参数 contact 只能是 masked 或 full。", "contact"),
    };

    public static ApiProblem ToProblem(Rejection r) => r.Kind switch
    {
        RejectionKind.Forbidden => ApiProblem.Forbidden(r.Code, r.Message),
        RejectionKind.Invalid => ApiProblem.BadRequest(r.Code, r.Message),
        _ when r.Code == "order_not_found" => ApiProblem.NotFound(r.Code, r.Message),
        _ => ApiProblem.Conflict(r.Code, r.Message),
    };
}
