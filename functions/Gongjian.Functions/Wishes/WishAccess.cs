using System.Security.Cryptography;
using System.Text;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Wishes;
using Gongjian.Functions.Access;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;

namespace Gongjian.Functions.Wishes;

/// <summary>Wish numbers (<c>WX260301-7KQ3MZ</c>), and who may see and act on a wish.</summary>
public static class WishAccess
{
    public const string TrackingHeader = OrderAccess.TrackingHeader;
    public const string ClaimHeader = "X-Claim-Code";
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string NewId(DateTimeOffset now) => $"WX{now.UtcDateTime:yyMMdd}-{OrderIds.NewTrackingCode().Replace("-", "")[..6]}";

    /// <summary>Checked before an id is used as a table key.</summary>
    public static bool IsWellFormed(string id) =>
        id.Length == 15 && id.StartsWith("WX", StringComparison.Ordinal) && id[8] == '-'
        && id.AsSpan(2, 6).IndexOfAnyExceptInRange('0', '9') < 0 && id[9..].All(c => Alphabet.Contains(c));

    public static string Hash(string code) => OrderAccess.HashTrackingCode(code);

    /// <summary>Staff in scope, a liaison (any wish on the wall, or its own claim), the resident (tracking code) or the person who claimed it (claim code).</summary>
    public static Actor Authorize(HttpContext context, WishState wish)
    {
        if (context.Caller() is { } staff)
            return CanSee(staff, wish) ? staff.AsActor() : throw ApiProblem.Forbidden("outside_scope", "该心愿不在您的管辖范围内。");
        if (context.Request.Headers[ClaimHeader].ToString() is { Length: > 0 } claimCode)
            return wish.ClaimCodeHash is { } hash && Same(Hash(claimCode), hash) ? WishActors.Person
                : throw ApiProblem.Forbidden("invalid_claim_code", "认领码不正确。");
        if (context.Request.Headers[TrackingHeader].ToString() is { Length: > 0 } code)
            return Same(Hash(code), wish.TrackingCodeHash) ? WishActors.Resident : throw ApiProblem.Forbidden("invalid_tracking_code", "查询码不正确。");
        throw ApiProblem.Unauthorized("authentication_required", "请提供工作人员密钥，或在 X-Tracking-Code（居民）或 X-Claim-Code（认领人）中提供编码。");
    }

    public static bool CanSee(Caller caller, WishState wish) => caller.Role switch
    {
        ActorRole.Admin => true,
        ActorRole.Organizer => wish.StreetId == caller.Scope,
        ActorRole.Dispatcher => wish.CommunityId == caller.Scope,
        ActorRole.Liaison => wish.Status.IsOnWall() || wish.Claimer?.UnitId == caller.Scope,
        _ => false,
    };

    /// <summary>The community's staff (and the street's, and admins) read the resident's text; only the dispatcher sees phones unmasked.</summary>
    public static bool IsStaffInScope(Caller? caller, WishState wish) =>
        caller is { Role: ActorRole.Admin or ActorRole.Organizer or ActorRole.Dispatcher } && CanSee(caller, wish);

    private static bool Same(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
