using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Sessions;

/// <summary>
/// Sign-out: ends the session on the server (a copied cookie no longer works) and clears the cookie.
/// Signing out of a session that has already ended is no error. A live session needs its CSRF token
/// here too (checked by <see cref="StaffAuthentication"/>), so no other page can sign staff out.
/// </summary>
public static class DeleteSessionFunction
{
    public static readonly HttpTrigger Trigger = new("DELETE", "session");

    public static async Task<IResult> Run(HttpContext context, StaffSessions sessions)
    {
        if (context.SessionLookup()?.Session is { } session) await sessions.EndAsync(session.Id, context.RequestAborted);
        SessionCookie.Clear(context);
        context.Response.Headers.CacheControl = "no-store";
        return Results.NoContent();
    }
}
