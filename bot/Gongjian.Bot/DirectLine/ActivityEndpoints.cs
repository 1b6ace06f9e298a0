using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongjian.Bot.Http;
using Gongjian.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gongjian.Bot.DirectLine;

/// <summary>
/// <c>POST /v3/directline/conversations/{id}/activities</c> → <c>{id}</c>;
/// <c>GET …/activities?watermark=W</c> → <c>{activities, watermark}</c>, the user's own activities included.
/// </summary>
public static class ActivityEndpoints
{
    public const long MaxActivityBytes = 32 * 1024;

    /// <summary>What a Direct Line client may post as one activity (also the activity part of an upload).</summary>
    public static readonly JsonLimits Limits = new(MaxActivityBytes, 32);

    public static async Task<IResult> Post(HttpContext context, string conversationId, DirectLineTokens tokens, TranscriptStore transcripts, DirectLineInbox inbox)
    {
        if (DirectLineAccess.Check(context, tokens, conversationId) is { } problem) return problem;
        if (!await transcripts.ExistsAsync(conversationId, context.RequestAborted)) return DirectLineAccess.ConversationNotFound();
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxActivityBytes;
        // The one strict reader: duplicate names, lone surrogates and control characters never reach the inbox.
        var json = await StrictJson.ReadAsync(context, Limits);
        if (JsonNode.Parse(json.Span) is not JsonObject posted) return BotProblem.BadRequest("invalid_activity", "消息必须是一个 JSON 对象。");
        return await inbox.AcceptAsync(conversationId, posted, null, context.RequestAborted);
    }

    public static async Task<IResult> Get(HttpContext context, string conversationId, DirectLineTokens tokens, TranscriptStore transcripts)
    {
        if (DirectLineAccess.Check(context, tokens, conversationId) is { } problem) return problem;
        var raw = context.Request.Query["watermark"].ToString();
        long watermark = 0;
        if (raw.Length > 0 && (!long.TryParse(raw, out watermark) || watermark is < 0 or > 99_999_999))
            return BotProblem.BadRequest("invalid_watermark", "watermark 参数无效。");
        var page = await transcripts.ReadAsync(conversationId, watermark, context.RequestAborted);
        if (page is null) return DirectLineAccess.ConversationNotFound();
        // The stored activities are JSON already: written out as they are, so the echo is byte-for-byte what was kept.
        var json = new StringBuilder("{\"activities\":[").AppendJoin(',', page.Activities).Append("],\"watermark\":\"").Append(page.Watermark).Append("\"}");
        return Results.Text(json.ToString(), "application/json; charset=utf-8");
    }
}
