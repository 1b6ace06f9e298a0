using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Sessions;

/// <summary>
/// Console sign-in: staff trade their key for a session cookie once, so the browser never keeps the
/// key. A session the cookie already named is ended first (one browser, one session).
/// </summary>
public static class CreateSessionFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "session");

    public static async Task<IResult> Run(HttpContext context, StaffSessions sessions, CommunityDirectory directory)
    {
        var request = await JsonBody.ReadAsync(context, ApiJson.Web.SignInRequest);
        var key = request.Key.Trim();
        if (key.Length == 0) throw ApiProblem.BadRequest("key_required", "请输入工作人员密钥。", "key");
        var session = await sessions.StartAsync(key, context.RequestAborted)
            ?? throw ApiProblem.Unauthorized("invalid_key", "密钥无效或已被吊销。");
        if (SessionCookie.Read(context) is { } previous) await sessions.EndAsync(previous, context.RequestAborted);
        SessionCookie.Write(context, session.Id);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(SessionView.Of(session, await directory.GetAsync(context.RequestAborted)), ApiJson.Web.SessionView, statusCode: StatusCodes.Status201Created);
    }
}
