using System.Security.Cryptography;
using System.Text;
using Gongjian.Domain.Activities;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;

namespace Gongjian.Functions.Activities;

/// <summary>Activity numbers (<c>HD261206-7KQ3MZ</c>), registration codes, and who organises an activity.</summary>
public static class ActivityAccess
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>A person registering acts as a resident; who they are is their person key, their right to cancel their code.</summary>
    public static readonly Actor Person = new(ActorRole.Resident, "participant");

    public static string NewId(DateTimeOffset now) => $"HD{now.UtcDateTime:yyMMdd}-{OrderIds.NewTrackingCode().Replace("-", "")[..6]}";

    /// <summary>Checked before an id is used as a table key.</summary>
    public static bool IsWellFormed(string id) =>
        id.Length == 15 && id.StartsWith("HD", StringComparison.Ordinal) && id[8] == '-'
        && id.AsSpan(2, 6).IndexOfAnyExceptInRange('0', '9') < 0 && id[9..].All(c => Alphabet.Contains(c));

    public static string Hash(string code) => OrderAccess.HashTrackingCode(code.Trim().ToUpperInvariant());

    /// <summary>The short check-in code shown on the person's phone: six characters derived from their registration code.</summary>
    public static string CheckInCodeOf(string registrationCode) =>
        new string(SHA256.HashData(Encoding.UTF8.GetBytes("checkin:" + registrationCode)).Take(6).Select(b => Alphabet[b % Alphabet.Length]).ToArray());

    /// <summary>
    /// The organiser in scope: the community's dispatcher, the street's organizer, an admin; for a unit's activity also
    /// the unit's liaison. Only they act on an activity and see participants' names and phones.
    /// </summary>
    public static bool IsOrganiser(Caller? caller, ActivityState s) => caller?.Role switch
    {
        ActorRole.Admin => true,
        ActorRole.Organizer => s.StreetId == caller.Scope,
        ActorRole.Dispatcher => s.CommunityId == caller.Scope,
        ActorRole.Liaison => s.OrganiserKind == OrganiserKind.Unit && s.OrganiserUnitId == caller.Scope,
        _ => false,
    };

    public static Actor RequireOrganiser(HttpContext context, ActivityState s)
    {
        var caller = context.RequireStaff();
        return IsOrganiser(caller, s) ? caller.AsActor() : throw ApiProblem.Forbidden("not_organiser", "只有活动的主办方可以这样办理。");
    }

}
