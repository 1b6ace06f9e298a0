using System.Text.Json;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Auth;
using Gongjian.Bot.Http;
using Gongjian.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gongjian.Bot.Pipeline;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework Activity protocol endpoint Azure Bot Service calls.
/// Authenticate (Bot Connector JWT, or anonymous only when explicitly allowed), read and check the
/// activity, hand it to the gate and answer at once: replies go out through the Connector.
/// </summary>
public static class MessagesEndpoint
{
    public const long MaxActivityBytes = 1024 * 1024;

    /// <summary>Channels nest cards and entities, so deeper than the API's bodies; still bounded.</summary>
    public static readonly JsonLimits Limits = new(MaxActivityBytes, 64);

    public static async Task<IResult> Run(HttpContext context, ConnectorAuthentication auth, InboundGate gate)
    {
        var ct = context.RequestAborted;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxActivityBytes;
        var bearer = context.BotBearer();
        ConnectorAuthentication.Validated? token = null;
        if (!(auth.AcceptsAnonymous && bearer is null))
        {
            var (validated, failure) = await auth.ValidateAsync(bearer, ct);
            if (failure is not null) return new BotProblem(failure.Status, failure.Code, failure.Title);
            token = validated;
        }

        Activity? activity;
        var json = await StrictJson.ReadAsync(context, Limits);
        try { activity = JsonSerializer.Deserialize(json.Span, ActivityJson.Default.Activity); }
        catch (JsonException) { return BotProblem.BadRequest("invalid_activity", "消息不是有效的 Activity JSON。"); }
        if (ActivityValidation.Problem(activity, requireServiceUrl: true) is { } problem) return BotProblem.BadRequest("invalid_activity", problem);
        if (token is not null && ConnectorAuthentication.CheckActivity(token, activity!.ServiceUrl, activity.ChannelId) is { } mismatch)
            return new BotProblem(mismatch.Status, mismatch.Code, mismatch.Title);

        if (activity!.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate)) return Results.Ok();
        var outcome = await gate.AcceptAsync(activity, activity.Id ?? $"{activity.Type}:{activity.Timestamp}", ct);
        if (outcome == InboundOutcome.Busy)
        {
            context.Response.Headers.RetryAfter = "2";
            return new BotProblem(StatusCodes.Status503ServiceUnavailable, "bot_busy", "机器人正忙，请稍后重试。");
        }
        return Results.Ok();
    }
}
