using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Sessions;

/// <summary>Who the session cookie signs in (role, scope, name) and its CSRF token; the console asks on every load.</summary>
public static class GetSessionFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "session");

    public static async Task<IResult> Run(HttpContext context, CommunityDirectory directory)
    {
        context.Response.Headers.CacheControl = "no-store";
        var lookup = context.SessionLookup();
        if (lookup is null)
            throw ApiProblem.Unauthorized("session_required", "请先登录。");
        if (lookup.Session is not { } session)
        {
            SessionCookie.ClearWithAnswer(context);
            throw StaffAuthentication.Refusal(lookup.Failure);
        }
        return Results.Json(SessionView.Of(session, await directory.GetAsync(context.RequestAborted)), ApiJson.Web.SessionView);
    }
}
