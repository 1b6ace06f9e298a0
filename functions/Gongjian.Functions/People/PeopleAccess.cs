using System.Security.Cryptography;
using System.Text;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Domain.People;
using Gongjian.Domain.Privacy;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.People;

/// <summary>
/// Who may do what in 双报到. Units: a liaison its own unit's reports; the community's dispatcher, the street's organizer
/// and admins accept and mark met. Persons: the person with their code (<c>X-Tracking-Code</c>) reads their own record;
/// staff of their community (dispatcher), their street (organizer) and admins act on it — only a dispatcher of the
/// person's own community and admins see name and phone unmasked.
/// </summary>
public static class PeopleAccess
{
    public const string CodeHeader = "X-Tracking-Code";

    public static ApiProblem ToProblem(Gongjian.Domain.Workflow.Rejection r) => r switch
    {
        { Kind: Gongjian.Domain.Workflow.RejectionKind.Forbidden } => ApiProblem.Forbidden(r.Code, r.Message),
        { Kind: Gongjian.Domain.Workflow.RejectionKind.Invalid } => ApiProblem.BadRequest(r.Code, r.Message),
        { Code: "report_not_found" or "person_not_found" } => ApiProblem.NotFound(r.Code, r.Message),
        _ => ApiProblem.Conflict(r.Code, r.Message),
    };

    /// <summary>Staff whose scope holds the community: its dispatcher, its street's organizer, an admin.</summary>
    public static bool IsStaffOf(Caller c, string communityId, string streetId) => c.Role switch
    {
        ActorRole.Admin => true,
        ActorRole.Dispatcher => c.Scope == communityId,
        ActorRole.Organizer => c.Scope == streetId,
        _ => false,
    };

    /// <summary>Name and phone unmasked: the community's own dispatcher, or an admin.</summary>
    public static bool MaySeeContact(Caller? c, PersonState s) => c is { Role: ActorRole.Admin } || c is { Role: ActorRole.Dispatcher } && c.Scope == s.CommunityId;

    public static bool IsWellFormedReport(string id) => id.Length is > 0 and <= 200 && !id.Contains('/');
    public static bool IsWellFormedPerson(string id) => id.Length is > 0 and <= 120 && !id.Contains('/');

    /// <summary>The person with their code, or staff in scope; anyone else is refused.</summary>
    public static Actor AuthorizePerson(HttpContext context, PersonState s)
    {
        if (context.Caller() is { } staff)
            return IsStaffOf(staff, s.CommunityId, s.StreetId) ? staff.AsActor() : throw ApiProblem.Forbidden("outside_scope", "这位同志不在您的社区。");
        var code = context.Request.Headers[CodeHeader].ToString();
        if (code.Length == 0) throw ApiProblem.Unauthorized("code_required", "请提供报到时获得的查询码。");
        return Same(OrderAccess.HashTrackingCode(code), s.CodeHash) ? PersonModule.Self : throw ApiProblem.Forbidden("invalid_tracking_code", "查询码不正确。");
    }

    public static string MaskedName(string name) => AddressMask.MaskName(name);
    public static string MaskedPhone(string phone) => PhoneNumber.Mask(phone);

    public static CommunityArea Community(CommunityDirectory.Snapshot d, string id) =>
        d.Communities.TryGetValue(id, out var c) && !c.IsRetired ? c : throw ApiProblem.BadRequest("unknown_community", "社区不存在，请检查社区编号。", "communityId");

    private static bool Same(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
