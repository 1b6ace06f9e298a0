using Gongjian.Bot.Http;
using Microsoft.AspNetCore.Http;

namespace Gongjian.Bot.Chat;

/// <summary>
/// <c>GET /chat</c>: the residents' chat page, running the real Web Chat bundle from npm against the
/// app's own Direct Line (polling); <c>GET /chat/webchat.js</c> serves that bundle.
/// </summary>
public static class ChatPage
{
    private static readonly Lazy<string> Html = new(() =>
    {
        using var stream = typeof(ChatPage).Assembly.GetManifestResourceStream("Gongjian.Bot.chat.html")!;
        return new StreamReader(stream).ReadToEnd();
    });

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "webchat", "webchat.js");

    public static IResult Page(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        return Results.Content(Html.Value, "text/html; charset=utf-8");
    }

    public static IResult Script(HttpContext context)
    {
        if (!File.Exists(ScriptPath))
            return new BotProblem(StatusCodes.Status503ServiceUnavailable, "webchat_missing", "聊天组件未安装：请先运行 scripts/setup（下载 Web Chat 组件）后重新构建。");
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.File(ScriptPath, "text/javascript; charset=utf-8", lastModified: File.GetLastWriteTimeUtc(ScriptPath), enableRangeProcessing: false);
    }
}
