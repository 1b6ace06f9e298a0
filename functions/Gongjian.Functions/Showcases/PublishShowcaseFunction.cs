using System.Security.Cryptography;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Showcases;

/// <summary>组织晒单: the street's organizer publishes finished orders as an anonymised public story.</summary>
public static class PublishShowcaseFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "showcases");
    private const int MaxOrders = 20;

    public static async Task<IResult> Run(
        HttpContext context, OrderStore orders, ShowcaseStore showcases, ShowcaseMarker marker, CommunityDirectory directory, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        if (caller.Role is not (ActorRole.Organizer or ActorRole.Admin))
            throw ApiProblem.Forbidden("role_not_allowed", "只有街道组织方可以发布晒单。");
        var r = await JsonBody.ReadAsync(context, ApiJson.Web.PublishShowcaseRequest);
        if (string.IsNullOrWhiteSpace(r.Title) || r.Title.Trim().Length > 60) throw ApiProblem.BadRequest("invalid_title", "请填写标题（不超过 60 字）。", "title");
        if (string.IsNullOrWhiteSpace(r.Story) || r.Story.Trim().Length > 5000) throw ApiProblem.BadRequest("invalid_story", "请填写晒单故事（不超过 5000 字）。", "story");
        var ids = r.OrderIds.Distinct().ToList();
        if (ids.Count is 0 or > MaxOrders) throw ApiProblem.BadRequest("invalid_order_ids", $"请选择 1 到 {MaxOrders} 个工单。", "orderIds");

        var states = new List<OrderState>();
        foreach (var id in ids)
        {
            var state = (OrderIds.IsWellFormed(id) ? await orders.LoadAsync(id, ct) : null)?.State
                ?? throw ApiProblem.BadRequest("order_not_found", $"工单 {id} 不存在。", "orderIds");
            if (caller.Role == ActorRole.Organizer && state.StreetId != caller.Scope)
                throw ApiProblem.Forbidden("outside_scope", $"工单 {id} 不属于您的街道。");
            if (state.Status is not (OrderStatus.Completed or OrderStatus.Confirmed))
                throw ApiProblem.Conflict("order_not_finished", $"工单 {id} 尚未办结，不能晒单。");
            states.Add(state);
        }
        var streetId = states[0].StreetId;
        if (states.Any(s => s.StreetId != streetId)) throw ApiProblem.BadRequest("mixed_streets", "一次晒单只能包含同一街道的工单。", "orderIds");
        if (PersonalDataGuard.FindLeak(r.Title, r.Story, states) is { } leak)
            throw ApiProblem.BadRequest("personal_data_in_story", leak.Title, leak.Field);

        var d = await directory.GetAsync(ct);
        var now = clock.GetUtcNow();
        var id0 = ShowcaseId(now, streetId, ids, r.Title.Trim());
        var sources = new List<ShowcasePhotoSource>();
        var items = states.Select(s => new ShowcaseItemView(
            s.Category ?? "other", ServiceCategory.NameOf(s.Category),
            d.CommunityName(s.CommunityId),
            DateOnly.FromDateTime(s.PlacedAt.UtcDateTime), s.CompletedAt is { } done ? DateOnly.FromDateTime(done.UtcDateTime) : null,
            s.Rating, s.UnitName ?? "",
            s.AfterPhotoIds.Select(p => { sources.Add(new(s.Id, p)); return $"/api/showcases/{id0}/photos/{sources.Count - 1}"; }).ToList())).ToList();
        var view = new ShowcaseView(id0, r.Title.Trim(), r.Story.Trim(), streetId, d.Streets.TryGetValue(streetId, out var st) ? st.Name : "", now, items);
        if (!await showcases.TryAddAsync(view, sources, ids, caller.AsActor(), ct))
        {
            // A retried publication (same street, orders and title the same day): answer with the one published.
            var earlier = (await showcases.GetAsync(id0, ct))!.Value.View;
            if (earlier.Story != view.Story)
                throw ApiProblem.Conflict("showcase_exists", "今天已发布过同一标题、同一批工单的晒单；如需修改内容，请换一个标题。");
            view = earlier;
            context.Response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        }
        // The showcase row is the published fact; marking its orders follows (and is finished by
        // RepairShowcaseMarks if this process dies first; marking again is refused by rule, so a replay may repeat it).
        await marker.MarkAsync(new ShowcaseStore.Unmarked(id0, ids, caller.AsActor()), ct);
        context.Response.Headers.Location = $"/api/showcases/{id0}";
        return Results.Json(view, ApiJson.Web.ShowcaseView, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>
    /// Derived from what is published, so a retry of the same request (same day, street, orders and
    /// title) names the same showcase and cannot publish it twice.
    /// </summary>
    private static string ShowcaseId(DateTimeOffset now, string streetId, IEnumerable<string> orderIds, string title)
    {
        var content = $"{streetId}\n{string.Join(',', orderIds.Order(StringComparer.Ordinal))}\n{title}";
        return $"SC{now.UtcDateTime:yyMMdd}-{Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)), 0, 4)}";
    }
}
