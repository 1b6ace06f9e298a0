using System.Threading.RateLimiting;
using Gongjian.Bot.Http;
using Gongjian.Functions.Access;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongjian.Functions.Abuse;

/// <summary>
/// The named policies the routes require, and how each picks its partition: a staff key is always
/// its own partition (<see cref="RateLimitOptions.Staff"/>); an anonymous caller is keyed by client
/// address, conversation or tracking code. On top, every anonymous limited request counts against
/// its address's total (<see cref="RateLimitOptions.Address"/>), so that many conversations or many
/// guessed tracking codes from one address do not multiply its budget.
/// <para>
/// Which route takes which policy (the contract test holds every route to "declares 429 exactly when
/// limited"): an anonymous request that creates something (an order, a wish, an activity registration,
/// a booking, a 双报到 registration, a public topic) takes <see cref="Orders"/>, one budget per address for
/// all of them; an anonymous request that presents a code or a phone to read or act on an existing thing
/// (cancel an order, a registration or a booking, look a booking or a person up by code, an opinion, a
/// vote, a rating) takes <see cref="ResidentCommands"/>, per <c>X-Tracking-Code</c> or, for a code sent in
/// the body, per address, so guessing codes costs the guesser's address; a write that needs a staff key
/// takes <see cref="StaffWrites"/>. Staff reads and public pages and lists are not limited and do not
/// declare 429 (the edge takes their floods).
/// </para>
/// </summary>
public static class RateLimitPolicies
{
    public const string Orders = "orders";
    public const string ResidentCommands = "resident-commands";
    public const string StaffWrites = "staff-writes";

    public static void Configure(RateLimiterOptions options, TimeProvider clock, RateLimitOptions limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = RateLimitRejection.WriteAsync;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            !limits.Enabled || context.Caller() is not null
            || context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null
                ? RateLimitPartition.GetNoLimiter("none")
                : Window(ClientAddress.Key(context), clock, limits.Address));

        Add(options, Orders, clock, limits, limits.Orders, ClientAddress.Key);
        Add(options, ResidentCommands, clock, limits, limits.ResidentCommands, TrackingCodeOrAddress);
        Add(options, StaffWrites, clock, limits, limits.ResidentCommands, ClientAddress.Key);
        Add(options, DirectLineRateLimits.Tokens, clock, limits, limits.ChatTokens, ClientAddress.Key);
        Add(options, DirectLineRateLimits.Conversations, clock, limits, limits.Conversations, ClientAddress.Key);
        Add(options, DirectLineRateLimits.Activities, clock, limits, limits.Activities, ConversationOrAddress);
        Add(options, DirectLineRateLimits.Uploads, clock, limits, limits.Uploads, ConversationOrAddress);
    }

    private static void Add(RateLimiterOptions options, string name, TimeProvider clock, RateLimitOptions limits,
        RateLimitRule anonymous, Func<HttpContext, string> anonymousKey) =>
        options.AddPolicy(name, context =>
            !limits.Enabled ? RateLimitPartition.GetNoLimiter("off")
            : context.Caller() is { } staff ? Window("key:" + staff.KeyId, clock, limits.Staff)
            : Window(anonymousKey(context), clock, anonymous));

    private static RateLimitPartition<string> Window(string key, TimeProvider clock, RateLimitRule rule) =>
        RateLimitPartition.Get(key, _ => new ClockWindowLimiter(clock, rule));

    /// <summary>
    /// The conversation from the route. A forged id costs the caller a 403 from the token check, and
    /// its address's total still counts it.
    /// </summary>
    private static string ConversationOrAddress(HttpContext context) =>
        context.Request.RouteValues["conversationId"] is string { Length: > 0 and <= 128 } id ? "conv:" + id : ClientAddress.Key(context);

    /// <summary>
    /// The tracking code, normalized and hashed as the order stores it (so a retyped "k7m3 qx9p" is the
    /// same partition, and the limiter's table holds no resident's credential in the clear).
    /// </summary>
    private static string TrackingCodeOrAddress(HttpContext context)
    {
        var code = context.Request.Headers[OrderAccess.TrackingHeader].ToString();
        return code.Length is 0 or > 64 ? ClientAddress.Key(context) : "code:" + OrderAccess.HashTrackingCode(code);
    }
}
