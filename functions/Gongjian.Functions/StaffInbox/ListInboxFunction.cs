using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Gongjian.Bot.Notifications;
using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Microsoft.Net.Http.Headers;

namespace Gongjian.Functions.StaffInbox;

/// <summary>
/// 消息: the signed-in dispatcher's (their community's) or organizer's (their street's) notices, newest first,
/// paged, with the unread count. The answer carries an <c>ETag</c> (hash of the body); a poll with
/// <c>If-None-Match</c> that matches gets <c>304</c> and no body (the reads still happen: two partition queries).
/// </summary>
public static class ListInboxFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "inbox");
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public static async Task<IResult> Run(HttpContext context, StaffNotices notices)
    {
        var ct = context.RequestAborted;
        var inbox = InboxOf(context.RequireStaff());
        var q = context.Request.Query;
        var pageSize = q["pageSize"].ToString() is { Length: > 0 } size
            ? int.TryParse(size, out var n) && n is >= 1 and <= MaxPageSize ? n
                : throw ApiProblem.BadRequest("invalid_page_size", $"每页条数应在 1 到 {MaxPageSize} 之间。", "pageSize")
            : DefaultPageSize;
        var token = q["pageToken"].ToString() is { Length: > 0 } t ? ListPageTokens.Decode(t, inbox) : null;

        var unread = notices.UnreadAsync(inbox, ct);
        StaffNotices.Page page;
        try
        {
            page = await notices.ListAsync(inbox, pageSize, token, ct);
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            throw ListPageTokens.Invalid();
        }
        var items = page.Items.Select(i => new InboxItem(i.Id, i.Kind, NotificationCards.StaffHeading(i.Kind), i.Text, i.Title, i.OrderId, i.DueAt, i.CreatedAt, i.Read)).ToList();
        var view = new InboxView((await unread).Count, items, page.ContinuationToken is { } next ? ListPageTokens.Encode(next, inbox) : null);

        var body = JsonSerializer.SerializeToUtf8Bytes(view, ApiJson.Web.InboxView);
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body), 0, 16)}\"");
        context.Response.Headers.ETag = tag.ToString();
        context.Response.Headers.CacheControl = "private, no-cache";
        if (context.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } wanted && wanted.Any(w => w.Compare(tag, useStrongComparison: false)))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(body, "application/json; charset=utf-8");
    }

    /// <summary>Dispatchers and organizers have an inbox; a liaison's notices come by chat, an admin has none.</summary>
    public static string InboxOf(Caller caller) => StaffNotices.InboxOf(caller.Role, caller.Scope)
        ?? throw ApiProblem.Forbidden("inbox_not_available", caller.Role == Domain.Orders.ActorRole.Liaison
            ? "单位联络员的通知通过聊天送达，工作台没有消息箱。"
            : "消息箱只供派单员和街道组织方使用。");

}

public sealed record InboxItem(string Id, string Kind, string KindName, string Text, string? Title, string? OrderId, DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt, bool Read);

public sealed record InboxView(int Unread, IReadOnlyList<InboxItem> Items, string? NextPageToken);
