using Gongjian.Bot.Http;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Access;

/// <summary>
/// Reads the staff credential into a <see cref="Caller"/>: <c>Authorization: Bearer &lt;key&gt;</c>, or
/// else the console's session cookie. No credential means an anonymous caller (a resident); an
/// unknown or revoked key, or a forged, expired or ended session, is refused outright. A write made
/// with the cookie must carry the session's CSRF token in <see cref="SessionCookie.CsrfHeader"/>.
/// </summary>
public sealed class StaffAuthentication(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, StaffKeys keys, StaffSessions sessions)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                throw ApiProblem.Unauthorized("invalid_authorization", "请使用 Authorization: Bearer <密钥> 的格式提供密钥。");
            var caller = await keys.FindAsync(header["Bearer ".Length..].Trim(), context.RequestAborted)
                ?? throw ApiProblem.Unauthorized("invalid_key", "密钥无效或已被吊销。");
            context.Features.Set(caller);
        }
        else if (SessionCookie.Read(context) is { } sessionId && !BotFrontDoor.IsBotPath(context.Request.Path))
        {
            await SignInWithCookieAsync(context, sessions, sessionId);
        }
        // A grid worker's key (网格员) opens its grid, its reports, its session and inbox only: other handlers were written
        // for the four office roles and are not asked to know this one.
        if (context.Caller()?.Role == Domain.Orders.ActorRole.GridWorker && !Grids.GridAccess.IsGridWorkerPath(context.Request.Path))
            throw ApiProblem.Forbidden("role_not_allowed", "网格员只能使用格事坊（签到、上报）的功能。");
        await next(context);
    }

    private static async Task SignInWithCookieAsync(HttpContext context, StaffSessions sessions, string sessionId)
    {
        var found = await sessions.FindAsync(sessionId, context.RequestAborted);
        // The session endpoints answer for themselves: signing in again or out must work with a dead cookie.
        var sessionEndpoint = context.Request.Path.Equals(SessionPath, StringComparison.OrdinalIgnoreCase);
        if (found.Session is not { } session)
        {
            context.Features.Set(found);
            if (sessionEndpoint) return;
            SessionCookie.ClearWithAnswer(context);
            throw Refusal(found.Failure);
        }
        context.Features.Set(found);
        // Signing in anew (another key, or the same after a reload) replaces the session; it needs no token of the old one.
        if (sessionEndpoint && HttpMethods.IsPost(context.Request.Method)) return;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method))
        {
            var token = context.Request.Headers[SessionCookie.CsrfHeader].ToString();
            if (token.Length == 0)
                throw ApiProblem.Forbidden("csrf_token_missing", "请求缺少防伪标记，请刷新页面后重试。");
            if (!StaffSessions.SameToken(session.CsrfToken, token))
                throw ApiProblem.Forbidden("csrf_token_invalid", "防伪标记不正确，请刷新页面后重试。");
        }
        context.Features.Set(session.Caller);
    }

    public const string SessionPath = "/api/session";

    public static ApiProblem Refusal(StaffSessions.Failure failure) => failure switch
    {
        StaffSessions.Failure.Expired => ApiProblem.Unauthorized("session_expired", "登录已过期，请重新登录。"),
        StaffSessions.Failure.Revoked => ApiProblem.Unauthorized("session_revoked", "登录已失效（已退出或密钥已吊销），请重新登录。"),
        _ => ApiProblem.Unauthorized("session_invalid", "登录凭据无效，请重新登录。"),
    };
}

public static class CallerExtensions
{
    public static Caller? Caller(this HttpContext context) => context.Features.Get<Caller>();

    /// <summary>The session the request came with (its cookie), found or not; null without a cookie.</summary>
    public static StaffSessions.Lookup? SessionLookup(this HttpContext context) => context.Features.Get<StaffSessions.Lookup>();

    public static Caller RequireStaff(this HttpContext context) =>
        context.Caller() ?? throw ApiProblem.Unauthorized("authentication_required", "请先提供工作人员密钥。");
}
