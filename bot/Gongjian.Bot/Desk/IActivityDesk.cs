namespace Gongjian.Bot.Desk;

/// <summary>
/// What the conversations need from the 活动预告与报名 module: the coming activities of a community, and a resident's
/// registration and its cancellation, on the module's own store and rules (as <c>POST /api/activities/{id}/registrations</c>).
/// The person is known to the module by the key of their phone; the conversation keeps that key and the registration code.
/// </summary>
public interface IActivityDesk
{
    /// <summary>Activities of the community (and those its street organises) that have not ended and are not cancelled, soonest first.</summary>
    Task<IReadOnlyList<UpcomingActivity>> UpcomingAsync(string communityId, CancellationToken ct);

    /// <summary>报名: a place while any is free, else the waiting list; refusals (deadline, already registered) in Chinese.</summary>
    Task<DeskResult<ActivityRegistration>> RegisterAsync(ActivitySignUp signUp, CancellationToken ct);

    /// <summary>
    /// Whether someone new could register now (asked of the rules with a registration that would pass): the refusal
    /// (the deadline passed, cancelled, not for them) before the bot asks anyone's name and phone; null when open.
    /// </summary>
    Task<string?> RefusalAsync(string activityId, IReadOnlyList<string> audiences, CancellationToken ct);

    /// <summary>取消报名 with the registration code; the first person waiting moves up.</summary>
    Task<DeskResult<ActivityRegistration>> CancelAsync(string activityId, string personKey, string registrationCode, CancellationToken ct);

    /// <summary>Where each registration this conversation made stands now (registered, waiting at N, cancelled); unknown ones are left out.</summary>
    Task<IReadOnlyList<ActivityRegistration>> StatusAsync(IReadOnlyList<(string ActivityId, string PersonKey)> registrations, CancellationToken ct);
}

/// <param name="Open">Registration is open (before the deadline); otherwise the card shows 报名已截止 and no button.</param>
public sealed record UpcomingActivity(
    string ActivityId, string Title, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset Deadline,
    int Capacity, int Registered, int Waiting, bool Open);

/// <param name="Audiences">Who the person is, most fitting first (居民, then 党员/志愿者 when they reported as one): the first the activity admits is used.</param>
public sealed record ActivitySignUp(string ActivityId, string Name, string Phone, IReadOnlyList<string> Audiences);

/// <param name="Status"><c>registered</c>, <c>waiting</c> (at <paramref name="WaitingPosition"/>), <c>cancelled</c> (by the person), <c>activity_cancelled</c>, or <c>none</c>.</param>
/// <param name="RegistrationCode">Given once, at registration: the person cancels with it.</param>
public sealed record ActivityRegistration(
    string ActivityId, string Title, string Place, DateTimeOffset StartsAt, string Status, int? WaitingPosition,
    string? CheckInCode, string? PersonKey = null, string? RegistrationCode = null);
