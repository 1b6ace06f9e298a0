using Gongjian.Bot.Activities;
using Gongjian.Bot.Desk;
using Gongjian.Bot.Notifications;
using Gongjian.Bot.Storage;

namespace Gongjian.Bot.Conversations.Activities;

/// <summary>
/// 活动 by message: “这周有什么活动” lists the coming activities of the resident's community (a card, one 报名 per row);
/// 报名 registers through the activities module with the name and phone given once (asked the first time), and answers
/// plainly: registered with the check-in code, on the waiting list at N, or why not. “取消报名” and “我的报名” follow.
/// A registration is linked to the chat (<see cref="RegistrationLinks"/>): the reminder, a move up and a cancellation come here.
/// </summary>
public sealed class ActivityDialog(IActivityDesk desk, ConversationLinks links)
{
    public async Task<Reply> ListAsync(HomeCommunity home, CancellationToken ct)
    {
        var upcoming = await desk.UpcomingAsync(home.Id, ct);
        return upcoming.Count == 0 ? new Reply(ActivityTexts.NoActivities(home.Name), Texts.Menu) : ActivityCards.List(home.Name, upcoming);
    }

    /// <summary>报名 (a card's button or typed): at once when the conversation has the name and phone, else they are asked first.</summary>
    public async Task<TurnResult> JoinAsync(Turn turn, string activityId, CancellationToken ct)
    {
        var data = turn.Data with { Step = Idle.Instance };
        if (data.Contact is { } contact) return await RegisterAsync(turn, data, activityId, contact, ct);
        // Nobody is asked for their name and phone for an activity they cannot join (the deadline passed, cancelled).
        if (await desk.RefusalAsync(activityId, Audiences(data), ct) is { } refusal)
            return TurnResult.Say(data, new Reply(ActivityTexts.NotRegistered(refusal), [ActivityTexts.List, .. Texts.Menu]));
        return TurnResult.Say(data with { Step = new JoiningActivity(activityId) }, ActivityTexts.AskName);
    }

    public async Task<TurnResult> AnswerAsync(Turn turn, JoiningActivity step, CancellationToken ct)
    {
        if (step.Name is null)
            return PersonAnswers.FullName(turn.Text) is { } name
                ? TurnResult.Say(turn.Data with { Step = step with { Name = name } }, ActivityTexts.AskPhone)
                : TurnResult.Say(turn.Data, ActivityTexts.BadName);
        if (PersonAnswers.Phone(turn.Text) is not { } phone) return TurnResult.Say(turn.Data, ActivityTexts.BadPhone);
        var contact = new PersonContact(step.Name, phone);
        return await RegisterAsync(turn, turn.Data with { Step = Idle.Instance, Contact = contact }, step.ActivityId, contact, ct);
    }

    public static Reply Repeat(JoiningActivity step) => step.Name is null ? ActivityTexts.AskName : ActivityTexts.AskPhone;

    public async Task<Reply> CancelAsync(ConversationData data, string? activityId, CancellationToken ct)
    {
        var mine = activityId is null ? data.Registrations : [.. data.Registrations.Where(r => r.ActivityId == activityId)];
        if (mine.Count == 0) return new Reply(ActivityTexts.NothingRegistered, [ActivityTexts.List, .. Texts.Menu]);
        if (mine.Count > 1)
        {
            // Only those still standing are offered: a cancelled one or an ended activity has nothing to cancel.
            var standing = (await desk.StatusAsync([.. mine.Select(r => (r.ActivityId, r.PersonKey))], ct)).Where(r => r.Status is "registered" or "waiting").ToList();
            if (standing.Count == 0) return new Reply(ActivityTexts.NothingRegistered, [ActivityTexts.List, .. Texts.Menu]);
            if (standing.Count > 1)
                return new Reply(ActivityTexts.WhichToCancel, null, [AdaptiveCards.Choices(ActivityTexts.WhichToCancel, [.. standing.Select(CancelChoice)])]);
            mine = [.. mine.Where(r => r.ActivityId == standing[0].ActivityId)];
        }
        var registration = mine[0];
        var done = await desk.CancelAsync(registration.ActivityId, registration.PersonKey, registration.Code, ct);
        return new Reply(done.Value is not null ? ActivityTexts.Cancelled(registration.Title) : ActivityTexts.CancelFailed(done.Refusal!), [ActivityTexts.List, .. Texts.Menu]);
    }

    public async Task<Reply> MineAsync(ConversationData data, CancellationToken ct)
    {
        if (data.Registrations.Count == 0) return new Reply(ActivityTexts.NothingRegistered, [ActivityTexts.List, .. Texts.Menu]);
        var found = await desk.StatusAsync([.. data.Registrations.Select(r => (r.ActivityId, r.PersonKey))], ct);
        if (found.Count == 0) return new Reply(ActivityTexts.NothingRegistered, [ActivityTexts.List, .. Texts.Menu]);
        var cancellable = found.Where(r => r.Status is "registered" or "waiting").Select(CancelChoice).ToList();
        return cancellable.Count == 0
            ? new Reply(ActivityTexts.Registrations(found), [ActivityTexts.List, .. Texts.Menu])
            : new Reply(ActivityTexts.Registrations(found), [ActivityTexts.List, .. Texts.Menu], [AdaptiveCards.Choices(ActivityTexts.CancelTitle, cancellable)]);
    }

    /// <summary>A party member or volunteer who reported here may join what is open to them; everyone may join as a resident.</summary>
    private static string[] Audiences(ConversationData data) => data.Reported?.Kind switch
    {
        "partyMember" => ["residents", "party_members", "volunteers"],
        "volunteer" => ["residents", "volunteers"],
        _ => ["residents"],
    };

    private static (string Label, string Data) CancelChoice(ActivityRegistration r) =>
        ($"取消“{r.Title}”，{Beijing.At(r.StartsAt)}", $"{ActivityTexts.CancelWord} {r.ActivityId}");

    private async Task<TurnResult> RegisterAsync(Turn turn, ConversationData data, string activityId, PersonContact contact, CancellationToken ct)
    {
        var done = await desk.RegisterAsync(new ActivitySignUp(activityId, contact.Name, contact.Phone, Audiences(data)), ct);
        if (done.Value is not { } r) return TurnResult.Say(data, new Reply(ActivityTexts.NotRegistered(done.Refusal!), [ActivityTexts.Mine, ActivityTexts.List, .. Texts.Menu]));
        await links.LinkOrderAsync(RegistrationLinks.Key(r.ActivityId, r.PersonKey!), turn.Reference, ct);
        var kept = data.WithRegistration(new ResidentRegistration(r.ActivityId, r.Title, r.PersonKey!, r.RegistrationCode!));
        var text = r.Status == "waiting" ? ActivityTexts.Waiting(r) : ActivityTexts.Registered(r);
        return TurnResult.Say(kept, new Reply(text, [ActivityTexts.Mine, ActivityTexts.List, .. Texts.Menu]));
    }
}
