using System.Net;

namespace Gongjian.Functions.Access;

/// <summary>
/// The console's session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page
/// sends it), Path=/api (only API calls carry it) and Secure everywhere but plain-HTTP loopback
/// development. Cookie-authenticated writes must also carry <see cref="CsrfHeader"/> with the
/// session's token, which only the console's own script can read (from <c>/api/session</c>).
/// </summary>
public static class SessionCookie
{
    public const string Name = "gj_session";
    public const string CsrfHeader = "X-Gongjian-Csrf";
    private const string Path = "/api";

    public static string? Read(HttpContext context) =>
        context.Request.Cookies.TryGetValue(Name, out var value) && value.Length > 0 ? value : null;

    public static void Write(HttpContext context, string sessionId) =>
        context.Response.Cookies.Append(Name, sessionId, Options(context, StaffSessions.AtMost));

    public static void Clear(HttpContext context) =>
        context.Response.Cookies.Delete(Name, Options(context, null));

    /// <summary>
    /// Clears the cookie on whatever answer goes out, a refusal included (problem answers start from a
    /// cleared response, so a header set now would be lost): a dead cookie is not sent again.
    /// </summary>
    public static void ClearWithAnswer(HttpContext context) =>
        context.Response.OnStarting(() => { Clear(context); return Task.CompletedTask; });

    private static CookieOptions Options(HttpContext context, TimeSpan? maxAge) => new()
    {
        HttpOnly = true, SameSite = SameSiteMode.Strict, Path = Path, MaxAge = maxAge, IsEssential = true,
        Secure = IsSecure(context),
    };

    /// <summary>
    /// Secure unless this is a developer's plain-HTTP loopback address. Under the Functions host (the
    /// app behind it sees http://127.0.0.1) <c>WEBSITE_HOSTNAME</c> is set: always Secure there.
    /// </summary>
    public static bool IsSecure(HttpContext context)
    {
        if (context.Request.IsHttps || Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME") is { Length: > 0 }) return true;
        var host = context.Request.Host.Host;
        return !(host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
