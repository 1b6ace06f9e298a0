using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.Http;

/// <summary>The bearer credential a bot endpoint received (a Bot Connector JWT or a Direct Line secret/token).</summary>
public sealed record BotCredential(string? Bearer);

/// <summary>
/// Runs before staff authentication: the bot's endpoints carry their own bearer credentials (Bot
/// Connector JWTs, Direct Line tokens) that are not staff keys, so the header is taken aside for
/// them. Also answers CORS for Direct Line, which Web Chat calls from other origins.
/// </summary>
public sealed class BotFrontDoor(RequestDelegate next, IOptions<BotOptions> options)
{
    private static readonly string[] BotPaths = ["/api/messages", "/api/v3/directline", "/v3/directline"];

    public static bool IsBotPath(PathString path) => BotPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    public static bool IsDirectLinePath(PathString path) =>
        path.StartsWithSegments("/api/v3/directline", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/v3/directline", StringComparison.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        if (!IsBotPath(context.Request.Path)) return next(context);
        var header = context.Request.Headers.Authorization.ToString();
        // Another scheme (Basic …) is a credential too, just never a valid one: kept, so it is refused rather than read as anonymous.
        context.Features.Set(new BotCredential(
            header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : header.Length > 0 ? header : null));
        context.Request.Headers.Remove("Authorization");

        if (IsDirectLinePath(context.Request.Path))
        {
            var headers = context.Response.Headers;
            headers.AccessControlAllowOrigin = AllowedOrigin(context.Request.Headers.Origin.ToString());
            headers.Vary = "Origin";
            headers.AccessControlAllowHeaders = "Authorization, Content-Type, x-ms-bot-agent";
            headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
            headers.AccessControlMaxAge = "600";
            if (HttpMethods.IsOptions(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return Task.CompletedTask;
            }
        }
        return next(context);
    }

    private string AllowedOrigin(string origin)
    {
        var allowed = options.Value.DirectLine.AllowedOrigins;
        if (allowed.Trim() == "*") return "*";
        return allowed.Split(',', StringSplitOptions.TrimEntries).Contains(origin, StringComparer.OrdinalIgnoreCase) ? origin : "null";
    }
}

public static class BotCredentialExtensions
{
    public static string? BotBearer(this HttpContext context) => context.Features.Get<BotCredential>()?.Bearer;
}
