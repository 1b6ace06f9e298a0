using System.Security.Cryptography;
using System.Text;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Access;

/// <summary>Who may see an order, and who may see the resident's phone and address on it.</summary>
public static class OrderAccess
{
    public const string TrackingHeader = "X-Tracking-Code";

    /// <summary>The caller acting on this order: staff within their scope, or the resident holding its tracking code.</summary>
    public static Actor Authorize(HttpContext context, OrderState order)
    {
        if (context.Caller() is { } staff)
        {
            if (!CanSee(staff, order))
                throw ApiProblem.Forbidden("outside_scope", "该工单不在您的管辖范围内。");
            return staff.AsActor();
        }
        var code = context.Request.Headers[TrackingHeader].ToString();
        if (code.Length == 0)
            throw ApiProblem.Unauthorized("authentication_required", "请提供工作人员密钥，或在 X-Tracking-Code 中提供查询码。");
        if (!CodeMatches(code, order.TrackingCodeHash))
            throw ApiProblem.Forbidden("invalid_tracking_code", "查询码不正确。");
        return new Actor(ActorRole.Resident, "resident");
    }

    /// <summary>Whether a code someone presents is the one whose hash a record keeps (<see cref="HashTrackingCode"/>), in constant time.</summary>
    public static bool CodeMatches(string code, string codeHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashTrackingCode(code)), Encoding.ASCII.GetBytes(codeHash));

    public static bool CanSee(Caller caller, OrderState order) => caller.Role switch
    {
        ActorRole.Admin => true,
        ActorRole.Organizer => order.StreetId == caller.Scope,
        ActorRole.Dispatcher => order.CommunityId == caller.Scope,
        // A unit keeps sight of an order it declined or had withdrawn, so a late answer gets a reason, not a wall.
        ActorRole.Liaison => order.UnitId == caller.Scope || order.DeclinedUnitIds.Contains(caller.Scope),
        _ => false,
    };

    /// <summary>
    /// PIPL: the dispatcher of the order's community needs the contact to route it; the unit needs it
    /// only once it has accepted. Everyone else, the resident's own tracking view included, sees it masked.
    /// </summary>
    public static bool MaySeeContact(Caller? caller, OrderState order) => caller?.Role switch
    {
        ActorRole.Dispatcher => order.CommunityId == caller.Scope,
        ActorRole.Liaison => order.UnitId == caller.Scope && order.WasAccepted,
        _ => false,
    };

    public static string HashTrackingCode(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));

    /// <summary>Residents read codes aloud and retype them: ignore case, spaces and dashes.</summary>
    private static string Normalize(string code) =>
        new(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
