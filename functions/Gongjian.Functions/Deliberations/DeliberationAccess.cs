using Gongjian.Domain.Deliberations;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;

namespace Gongjian.Functions.Deliberations;

/// <summary>Deliberation numbers (<c>YS261207-7KQ3MZ</c>), tracking codes, and who manages or sees a deliberation.</summary>
public static class DeliberationAccess
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>A resident raising, voting or rating acts as a resident; who they are is their person key or tracking code.</summary>
    public static readonly Actor Resident = new(ActorRole.Resident, "resident");

    public static string NewId(DateTimeOffset now) => $"YS{now.UtcDateTime:yyMMdd}-{OrderIds.NewTrackingCode().Replace("-", "")[..6]}";

    /// <summary>Checked before an id is used as a table key.</summary>
    public static bool IsWellFormed(string id) =>
        id.Length == 15 && id.StartsWith("YS", StringComparison.Ordinal) && id[8] == '-'
        && id.AsSpan(2, 6).IndexOfAnyExceptInRange('0', '9') < 0 && id[9..].All(c => Alphabet.Contains(c));

    public static string Hash(string code) => OrderAccess.HashTrackingCode(code.Trim().ToUpperInvariant());

    /// <summary>The community's dispatcher, the street's organizer, an admin: they review, schedule, decide and see the raiser's contact.</summary>
    public static bool CanManage(Caller? caller, DeliberationState s) => caller?.Role switch
    {
        ActorRole.Admin => true,
        ActorRole.Organizer => s.StreetId == caller.Scope,
        ActorRole.Dispatcher => s.CommunityId == caller.Scope,
        _ => false,
    };

    /// <summary>Managers, and a unit's liaison for a topic its unit raised or was invited to.</summary>
    public static bool CanSee(Caller? caller, DeliberationState s) =>
        CanManage(caller, s) || caller?.Role == ActorRole.Liaison && (s.UnitId == caller.Scope || s.Meeting?.UnitIds.Contains(caller.Scope) == true);

    public static Actor RequireManager(HttpContext context, DeliberationState s)
    {
        var caller = context.RequireStaff();
        if (CanManage(caller, s)) return caller.AsActor();
        throw CanSee(caller, s) || caller.Role == ActorRole.Liaison
            ? ApiProblem.Forbidden("role_not_allowed", "只有社区、街道工作人员可以这样办理议题。")
            : ApiProblem.Forbidden("outside_scope", "该议题不在您的管辖范围内。");
    }

    public static Actor RequireViewer(HttpContext context, DeliberationState s)
    {
        var caller = context.RequireStaff();
        return CanSee(caller, s) ? caller.AsActor() : throw ApiProblem.Forbidden("outside_scope", "该议题不在您的管辖范围内。");
    }
}
