using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.StaffInbox;

/// <summary>
/// 标为已读: <c>{"ids": [...]}</c> (at most 100 notice ids of the caller's own inbox; others are skipped) or
/// <c>{"all": true}</c>. Answers how many were marked and the unread count left.
/// </summary>
public static class MarkInboxReadFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "inbox/read");
    private const int MaxIds = 100;

    public static async Task<IResult> Run(HttpContext context, StaffNotices notices)
    {
        var ct = context.RequestAborted;
        var inbox = ListInboxFunction.InboxOf(context.RequireStaff());
        var request = await JsonBody.ReadAsync(context, ApiJson.Web.MarkReadRequest);
        int marked;
        if (request.All == true)
        {
            if (request.Ids is { Count: > 0 }) throw ApiProblem.BadRequest("ids_or_all", "请只指定 ids 或 all 之一。", "ids");
            marked = await notices.MarkAllReadAsync(inbox, ct);
        }
        else
        {
            if (request.Ids is not { Count: > 0 } ids) throw ApiProblem.BadRequest("ids_required", "请指定要标为已读的消息（ids），或 all: true。", "ids");
            if (ids.Count > MaxIds) throw ApiProblem.BadRequest("too_many_ids", $"一次最多标记 {MaxIds} 条消息。", "ids");
            if (ids.FirstOrDefault(id => !StaffNotices.IsWellFormedId(id)) is not null)
                throw ApiProblem.BadRequest("invalid_notice_id", "消息编号格式不正确。", "ids");
            marked = await notices.MarkReadAsync(inbox, ids, ct);
        }
        var unread = (await notices.UnreadAsync(inbox, ct)).Count;
        return Results.Json(new MarkReadView(marked, unread), ApiJson.Web.MarkReadView);
    }
}

public sealed record MarkReadRequest(IReadOnlyList<string>? Ids = null, bool? All = null);

public sealed record MarkReadView(int Marked, int Unread);
