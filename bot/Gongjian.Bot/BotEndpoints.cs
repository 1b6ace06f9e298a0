using Gongjian.Bot.Chat;
using Gongjian.Bot.DirectLine;
using Gongjian.Bot.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gongjian.Bot;

/// <summary>
/// Direct Line and the chat page at their usual paths (<c>/v3/directline/…</c>, <c>/chat</c>) for
/// standalone hosting. Behind the Functions host the same handlers are the declared functions
/// under <c>/api</c> (<c>/api/v3/directline/…</c>, <c>/api/chat</c>); the page finds Direct Line
/// beside wherever it was served from.
/// </summary>
public static class BotEndpoints
{
    public static void MapBotStandalonePaths(this IEndpointRouteBuilder app)
    {
        var directLine = app.MapGroup("/v3/directline").ExcludeFromDescription();
        directLine.MapPost("/tokens/generate", TokenEndpoints.Generate).RequireRateLimiting(DirectLineRateLimits.Tokens);
        directLine.MapPost("/tokens/refresh", TokenEndpoints.Refresh).RequireRateLimiting(DirectLineRateLimits.Tokens);
        directLine.MapPost("/conversations", ConversationEndpoints.Start).RequireRateLimiting(DirectLineRateLimits.Conversations);
        directLine.MapGet("/conversations/{conversationId}", ConversationEndpoints.Get);
        directLine.MapPost("/conversations/{conversationId}/activities", ActivityEndpoints.Post).RequireRateLimiting(DirectLineRateLimits.Activities);
        directLine.MapGet("/conversations/{conversationId}/activities", ActivityEndpoints.Get);
        directLine.MapPost("/conversations/{conversationId}/upload", UploadEndpoint.Run).RequireRateLimiting(DirectLineRateLimits.Uploads);
        app.MapGet("/chat", ChatPage.Page).ExcludeFromDescription();
        app.MapGet("/chat/webchat.js", ChatPage.Script).ExcludeFromDescription();
        app.MapGet("/wechat", WeChat.WeChatEndpoint.Verify).ExcludeFromDescription();
        app.MapPost("/wechat", WeChat.WeChatEndpoint.Receive).ExcludeFromDescription();
        app.MapGet("/wecom", WeCom.WeComEndpoint.Verify).ExcludeFromDescription();
        app.MapPost("/wecom", WeCom.WeComEndpoint.Receive).ExcludeFromDescription();
    }
}
