using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;

namespace Gongjian.Functions.Showcases;

/// <summary>
/// A showcase request checked and shaped into the public view — shared by publishing and the preview, so
/// the preview shows exactly what publishing would (same checks, same view, same page). Only the photo
/// addresses differ: the preview's point at the order's photos (the organizer's session may read them).
/// </summary>
public sealed record ShowcaseDraft(ShowcaseView View, IReadOnlyList<ShowcasePhotoSource> Sources, IReadOnlyList<string> OrderIds)
{
    private const int MaxOrders = 20;

    /// <param name="idFor">The showcase's id, given its street.</param>
    /// <param name="photoUrl">The address of the n-th chosen photo of showcase id, which is the source given.</param>
    public static async Task<ShowcaseDraft> BuildAsync(Caller caller, PublishShowcaseRequest r, DateTimeOffset now, OrderStore orders,
        CommunityDirectory directory, Func<string, string> idFor, Func<string, int, ShowcasePhotoSource, string> photoUrl, CancellationToken ct)
    {
        if (caller.Role is not (ActorRole.Organizer or ActorRole.Admin))
            throw ApiProblem.Forbidden("role_not_allowed", "只有街道组织方可以发布晒单。");
        if (string.IsNullOrWhiteSpace(r.Title) || r.Title.Trim().Length > 60) throw ApiProblem.BadRequest("invalid_title", "请填写标题（不超过 60 字）。", "title");
        if (string.IsNullOrWhiteSpace(r.Story) || r.Story.Trim().Length > 5000) throw ApiProblem.BadRequest("invalid_story", "请填写晒单故事（不超过 5000 字）。", "story");
        var ids = r.OrderIds.Distinct().ToList();
        if (ids.Count is 0 or > MaxOrders) throw ApiProblem.BadRequest("invalid_order_ids", $"请选择 1 到 {MaxOrders} 个工单。", "orderIds");

        var states = new List<OrderState>();
        foreach (var orderId in ids)
        {
            var state = (Gongjian.Functions.Orders.OrderIds.IsWellFormed(orderId) ? await orders.LoadAsync(orderId, ct) : null)?.State
                ?? throw ApiProblem.BadRequest("order_not_found", $"工单 {orderId} 不存在。", "orderIds");
            if (caller.Role == ActorRole.Organizer && state.StreetId != caller.Scope)
                throw ApiProblem.Forbidden("outside_scope", $"工单 {orderId} 不属于您的街道。");
            if (state.Status is not (OrderStatus.Completed or OrderStatus.Confirmed))
                throw ApiProblem.Conflict("order_not_finished", $"工单 {orderId} 尚未办结，不能晒单。");
            states.Add(state);
        }
        var streetId = states[0].StreetId;
        if (states.Any(s => s.StreetId != streetId)) throw ApiProblem.BadRequest("mixed_streets", "一次晒单只能包含同一街道的工单。", "orderIds");
        if (PersonalDataGuard.FindLeak(r.Title, r.Story, states) is { } leak)
            throw ApiProblem.BadRequest("personal_data_in_story", leak.Title, leak.Field);
        var choices = Choices(r.Photos, states);
        var id = idFor(streetId);

        var d = await directory.GetAsync(ct);
        var sources = new List<ShowcasePhotoSource>();
        IReadOnlyList<string> Add(OrderState s, IEnumerable<string> photoIds) => photoIds.Select(p =>
        {
            var source = new ShowcasePhotoSource(s.Id, p);
            sources.Add(source);
            return photoUrl(id, sources.Count - 1, source);
        }).ToList();
        var items = states.Select(s =>
        {
            var (before, after) = choices.TryGetValue(s.Id, out var c) ? (c.Before, c.After) : ([], s.AfterPhotoIds);
            // Before-photos first in the sources, so their positions stay stable whatever after-photos follow.
            var beforeUrls = Add(s, before);
            var afterUrls = Add(s, after);
            return new ShowcaseItemView(
                s.Category ?? "other", ServiceCategory.NameOf(s.Category), d.CommunityName(s.CommunityId),
                DateOnly.FromDateTime(s.PlacedAt.UtcDateTime), s.CompletedAt is { } done ? DateOnly.FromDateTime(done.UtcDateTime) : null,
                s.Rating, s.UnitName ?? "", afterUrls, beforeUrls.Count > 0 ? beforeUrls : null);
        }).ToList();
        var view = new ShowcaseView(id, r.Title.Trim(), r.Story.Trim(), streetId, d.Streets.TryGetValue(streetId, out var st) ? st.Name : "", now, items);
        return new ShowcaseDraft(view, sources, ids);
    }

    /// <summary>The photo choices, each naming an order of this showcase and only photos that order has.</summary>
    private static Dictionary<string, (IReadOnlyList<string> Before, IReadOnlyList<string> After)> Choices(
        IReadOnlyList<ShowcasePhotoChoice>? photos, IReadOnlyList<OrderState> states)
    {
        var found = new Dictionary<string, (IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var choice in photos ?? [])
        {
            var state = states.FirstOrDefault(s => s.Id == choice.OrderId)
                ?? throw ApiProblem.BadRequest("photo_order_not_included", $"照片所属的工单 {choice.OrderId} 不在本次晒单中。", "photos");
            if (!found.TryAdd(state.Id, (choice.Before.Distinct().ToList(), choice.After.Distinct().ToList())))
                throw ApiProblem.BadRequest("duplicate_photo_choice", $"工单 {choice.OrderId} 的照片选择重复了。", "photos");
            if (choice.Before.Any(p => !state.BeforePhotoIds.Contains(p)) || choice.After.Any(p => !state.AfterPhotoIds.Contains(p)))
                throw ApiProblem.BadRequest("unknown_photo", $"所选照片不属于工单 {choice.OrderId}，请重新选择。", "photos");
        }
        return found;
    }
}
