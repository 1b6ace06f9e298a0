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

    public static async Task<IResult> Run(
        HttpContext context, OrderStore orders, ShowcaseStore showcases, ShowcaseMarker marker, CommunityDirectory directory, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        if (caller.Role is not (ActorRole.Organizer or ActorRole.Admin))
            throw ApiProblem.Forbidden("role_not_allowed", "只有街道组织方可以发布晒单。");
        var r = await JsonBody.ReadAsync(context, ApiJson.Web.PublishShowcaseRequest);
        var now = clock.GetUtcNow();
        var draft = await ShowcaseDraft.BuildAsync(caller, r, now, orders, directory,
            streetId => ShowcaseId(now, streetId, r.OrderIds.Distinct(), r.Title.Trim()), (id, n, _) => $"/api/showcases/{id}/photos/{n}", ct);
        var (view, sources, ids) = (draft.View, draft.Sources, draft.OrderIds);
        var id0 = view.Id;
        if (!await showcases.TryAddAsync(view, sources, ids, caller.AsActor(), ct))
        {
            // A retried publication (same street, orders and title the same day): answer with the one published.
            var found = (await showcases.GetAsync(id0, ct))!.Value;
            if (found.WithdrawnAt is not null)
                throw ApiProblem.Conflict("showcase_withdrawn", "这篇晒单今天已撤回；如需重新发布，请换一个标题。");
            var earlier = found.View;
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
