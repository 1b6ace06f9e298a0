using System.Text.Json;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Http;
using Gongjian.Http;
using Gongjian.Bot.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.DirectLine;

/// <summary>
/// <c>POST /v3/directline/conversations</c> starts (or, with a token of a started one, resumes) a
/// conversation; the first start greets the user. <c>GET /v3/directline/conversations/{id}</c> reconnects.
/// </summary>
public static class ConversationEndpoints
{
    public static async Task<IResult> Start(HttpContext context, DirectLineTokens tokens, TranscriptStore transcripts, TurnQueue queue, IOptions<BotOptions> options)
    {
        if (DirectLineAccess.Check(context, tokens, null) is { } problem) return problem;
        var bearer = context.BotBearer()!;
        var secret = tokens.IsSecret(bearer);
        var conversationId = secret ? DirectLineTokens.NewConversationId() : tokens.Check(bearer, null).ConversationId!;
        var token = secret ? tokens.Issue(conversationId) : bearer;
        var start = await ReadStartAsync(context);
        if (!await transcripts.CreateAsync(conversationId, context.RequestAborted))
            return DirectLineAccess.Conversation(tokens, conversationId, token);

        var user = new ChannelAccount(start?.User?.Id is { Length: > 0 and <= 100 } id ? id : "user", start?.User?.Name, "user");
        queue.TryEnqueue(new Activity
        {
            Type = ActivityTypes.ConversationUpdate, Id = $"{conversationId}|start", ChannelId = DirectLineChannel.ChannelId,
            ServiceUrl = DirectLineChannel.ServiceUrl, Conversation = new ConversationAccount(conversationId),
            From = user, Recipient = DirectLineInbox.BotAccount(options.Value), MembersAdded = [user], Locale = start?.Locale ?? "zh-CN",
        });
        return DirectLineAccess.Conversation(tokens, conversationId, token, StatusCodes.Status201Created);
    }

    public static async Task<IResult> Get(HttpContext context, string conversationId, DirectLineTokens tokens, TranscriptStore transcripts)
    {
        if (DirectLineAccess.Check(context, tokens, conversationId) is { } problem) return problem;
        if (!await transcripts.ExistsAsync(conversationId, context.RequestAborted)) return DirectLineAccess.ConversationNotFound();
        var bearer = context.BotBearer()!;
        return DirectLineAccess.Conversation(tokens, conversationId, tokens.IsSecret(bearer) ? tokens.Issue(conversationId) : bearer);
    }

    /// <summary>The optional body; when one is sent it goes through the strict reader like every other.</summary>
    private static async Task<DirectLineStart?> ReadStartAsync(HttpContext context)
    {
        var json = await StrictJson.ReadAsync(context, new JsonLimits(4096, 8), optional: true);
        if (json.IsEmpty) return null;
        try { return JsonSerializer.Deserialize(json.Span, DirectLineJson.Default.DirectLineStart); }
        catch (JsonException) { throw HttpProblem.Invalid("invalid_json", "会话参数的格式不正确（应为 {\"user\":{\"id\":\"…\"}}）。"); }
    }
}
