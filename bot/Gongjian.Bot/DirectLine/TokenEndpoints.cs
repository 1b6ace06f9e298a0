using Gongjian.Bot.Http;
using Microsoft.AspNetCore.Http;

namespace Gongjian.Bot.DirectLine;

/// <summary>
/// <c>POST /v3/directline/tokens/generate</c> (with the secret: a token for a new conversation) and
/// <c>POST /v3/directline/tokens/refresh</c> (with a live token: a fresh one for the same conversation).
/// </summary>
public static class TokenEndpoints
{
    public static IResult Generate(HttpContext context, DirectLineTokens tokens)
    {
        var bearer = context.BotBearer();
        if (string.IsNullOrEmpty(bearer)) return BotProblem.Unauthorized("secret_required", "请在 Authorization: Bearer 中提供 Direct Line 密钥。");
        if (!tokens.IsSecret(bearer)) return BotProblem.Forbidden("invalid_secret", "Direct Line 密钥不正确（或未配置 Bot:DirectLine:Secret）。");
        var conversationId = DirectLineTokens.NewConversationId();
        return DirectLineAccess.Conversation(tokens, conversationId, tokens.Issue(conversationId));
    }

    public static IResult Refresh(HttpContext context, DirectLineTokens tokens)
    {
        if (tokens.IsSecret(context.BotBearer())) return BotProblem.BadRequest("secret_not_refreshable", "密钥无需刷新，只有令牌可以刷新。");
        if (DirectLineAccess.Check(context, tokens, null) is { } problem) return problem;
        var conversationId = tokens.Check(context.BotBearer(), null).ConversationId!;
        return DirectLineAccess.Conversation(tokens, conversationId, tokens.Issue(conversationId));
    }

    /// <summary>
    /// <c>POST /api/chat/token</c>: the chat page's own token server. A website embedding Web Chat
    /// would call tokens/generate from its backend with the secret; the app is that backend for /chat.
    /// </summary>
    public static IResult ForChatPage(DirectLineTokens tokens)
    {
        var conversationId = DirectLineTokens.NewConversationId();
        return DirectLineAccess.Conversation(tokens, conversationId, tokens.Issue(conversationId));
    }
}
