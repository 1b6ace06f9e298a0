using Azure.Data.Tables;
using Gongjian.Bot.Desk;
using Gongjian.Domain.Activities;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Functions.Access;
using Gongjian.Functions.Activities;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.BotDesk;

/// <summary>
/// The bot's way into the 活动预告与报名 module: the public list rows (<c>GET /api/activities/public</c>) and 报名 / 取消报名
/// through <see cref="ActivityRegistrar"/> with the same commands as <see cref="RegisterForActivityFunction"/> and
/// <see cref="CancelRegistrationFunction"/>: the module's rules decide, and its refusals are said to the resident.
/// </summary>
public sealed class ActivityDesk(ActivityStore store, ActivityRegistrar registrar, StorageClients storage, CommunityDirectory directory, PersonKeys keys, TimeProvider clock)
    : IActivityDesk
{
    private const int MaxRows = 20;
    private const string NotFound = "活动不存在，可能已被撤下。";

    public async Task<IReadOnlyList<UpcomingActivity>> UpcomingAsync(string communityId, CancellationToken ct)
    {
        if (!(await directory.GetAsync(ct)).Communities.TryGetValue(communityId, out var community)) return [];
        var now = clock.GetUtcNow();
        // The community's own activities and those its street organises for every community.
        var filter = TableClient.CreateQueryFilter(
            $"(CommunityId eq {community.Id} or (StreetId eq {community.StreetId} and OrganiserKind eq {"street"})) and EndsAt ge {now} and (Status eq {"open"} or Status eq {"registration_closed"})");
        var rows = await ActivityRows.ReadAsync(storage, ActivityModule.PublicList, filter, MaxRows, ct);
        return [.. rows.Select(a => new UpcomingActivity(a.Id, a.Title, a.Place, a.StartsAt, a.EndsAt, a.Deadline, a.Capacity, a.RegisteredCount, a.WaitingCount,
            a.Status == "open" && a.Deadline > now))];
    }

    public async Task<DeskResult<ActivityRegistration>> RegisterAsync(ActivitySignUp signUp, CancellationToken ct)
    {
        if (await FindAsync(signUp.ActivityId, ct) is not { } found) return DeskResult<ActivityRegistration>.Refused(NotFound);
        if (!PhoneNumber.TryNormalize(signUp.Phone, out var phone)) return DeskResult<ActivityRegistration>.Refused("联系电话格式不正确，请填写 11 位手机号。");
        var code = OrderIds.NewTrackingCode();
        var personKey = keys.Of(phone);
        var command = new RegisterForActivity
        {
            By = ActivityAccess.Person, PersonKey = personKey, Name = signUp.Name, Phone = phone,
            Audience = signUp.Audiences.FirstOrDefault(found.State.Audiences.Contains) ?? signUp.Audiences[0],
            CancelCodeHash = ActivityAccess.Hash(code), CheckInCode = ActivityAccess.CheckInCodeOf(code),
        };
        var outcome = await registrar.RunAsync(signUp.ActivityId, command, "bot-" + Guid.NewGuid().ToString("N"), ct);
        if (outcome.Rejection is { } r) return DeskResult<ActivityRegistration>.Refused(r.Message);
        return DeskResult<ActivityRegistration>.Ok(Of(outcome.State, personKey) with { PersonKey = personKey, RegistrationCode = code });
    }

    public async Task<string?> RefusalAsync(string activityId, IReadOnlyList<string> audiences, CancellationToken ct)
    {
        if (await FindAsync(activityId, ct) is not { } found) return NotFound;
        var trial = new RegisterForActivity
        {
            By = ActivityAccess.Person, PersonKey = "trial", Name = "报名人", Phone = "13800000000",
            Audience = audiences.FirstOrDefault(found.State.Audiences.Contains) ?? audiences[0], CancelCodeHash = "trial", CheckInCode = "TRIAL0",
        };
        return store.Module.Decide(found.State, trial, clock.GetUtcNow()).Rejection?.Message;
    }

    public async Task<DeskResult<ActivityRegistration>> CancelAsync(string activityId, string personKey, string registrationCode, CancellationToken ct)
    {
        if (await FindAsync(activityId, ct) is null) return DeskResult<ActivityRegistration>.Refused(NotFound);
        var command = new CancelRegistration { By = ActivityAccess.Person, PersonKey = personKey, CancelCodeHash = ActivityAccess.Hash(registrationCode) };
        var outcome = await registrar.RunAsync(activityId, command, "bot-" + Guid.NewGuid().ToString("N"), ct);
        return outcome.Rejection is { } r ? DeskResult<ActivityRegistration>.Refused(r.Message) : DeskResult<ActivityRegistration>.Ok(Of(outcome.State, personKey));
    }

    public async Task<IReadOnlyList<ActivityRegistration>> StatusAsync(IReadOnlyList<(string ActivityId, string PersonKey)> registrations, CancellationToken ct)
    {
        var found = await Task.WhenAll(registrations.DistinctBy(r => r.ActivityId).Select(async r => (await FindAsync(r.ActivityId, ct), r.PersonKey)));
        return [.. found.Where(f => f.Item1 is not null).Select(f => Of(f.Item1!.State, f.PersonKey))];
    }

    private async Task<Gongjian.Engine.Loaded<ActivityState>?> FindAsync(string id, CancellationToken ct) =>
        ActivityAccess.IsWellFormed(id) && await store.LoadAsync(id, ct) is { State.Status: not ActivityStatus.None } loaded ? loaded : null;

    /// <summary>Where the person stands on the activity: their place, their position on the waiting list, or neither.</summary>
    private static ActivityRegistration Of(ActivityState s, string personKey)
    {
        var registered = s.Registered.FirstOrDefault(p => p.PersonKey == personKey);
        var waiting = s.Waiting.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.PersonKey == personKey);
        var (status, position, checkIn) = s.Status switch
        {
            ActivityStatus.Cancelled => ("activity_cancelled", (int?)null, (string?)null),
            ActivityStatus.Completed => ("ended", null, null),
            _ when registered is not null => ("registered", null, registered.CheckInCode),
            _ when waiting.p is not null => ("waiting", waiting.i + 1, waiting.p.CheckInCode),
            _ => ("cancelled", null, null),
        };
        return new ActivityRegistration(s.Id, s.Title, s.Place, s.StartsAt, status, position, checkIn);
    }
}
