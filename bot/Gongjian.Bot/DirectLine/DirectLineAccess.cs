using Gongjian.Bot.Http;
using Microsoft.AspNetCore.Http;

namespace Gongjian.Bot.DirectLine;

/// <summary>The bearer check every conversation endpoint starts with: 401 without one, 403 when expired, forged or for another conversation.</summary>
public static class DirectLineAccess
{
    public static BotProblem? Check(HttpContext context, DirectLineTokens tokens, string? conversationId) =>
        tokens.Check(context.BotBearer(), conversationId).Check switch
        {
            TokenCheck.Valid => null,
            TokenCheck.Missing => BotProblem.Unauthorized("token_required", "缺少 Direct Line 令牌（Authorization: Bearer）。"),
            TokenCheck.Expired => BotProblem.Forbidden("token_expired", "Direct Line 令牌已过期，请刷新页面重新连接。"),
            TokenCheck.OtherConversation => BotProblem.Forbidden("token_conversation_mismatch", "该令牌不属于这个会话。"),
            _ => BotProblem.Forbidden("token_invalid", "Direct Line 令牌无效。"),
        };

    public static BotProblem ConversationNotFound() => BotProblem.NotFound("conversation_not_found", "会话不存在或已结束。");

    public static IResult Conversation(DirectLineTokens tokens, string conversationId, string token, int status = 200) =>
        Results.Json(new DirectLineConversation(conversationId, token, (int)tokens.Lifetime.TotalSeconds), DirectLineJson.Default.DirectLineConversation, statusCode: status);
}
