using Gongjian.Bot.Conversations.Activities;
using Gongjian.Bot.Conversations.Bookings;
using Gongjian.Bot.Conversations.People;
using Gongjian.Bot.Conversations.Resident;
using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations;

/// <summary>
/// 活动, 预约 and 双报到 in the bot's turn: their commands (which interrupt whatever else is going on, like 查进度), their
/// steps, and the question to ask again after an interruption. The community is asked once and remembered.
/// </summary>
public sealed class CommunityLife(ActivityDialog activities, BookingDialog bookings, ReportDialog reports, IOrderDesk orders)
{
    public delegate Task<IReadOnlyList<Reply>> Repeat(Turn turn, CancellationToken ct);

    public async Task<TurnResult?> OnIntentAsync(Turn turn, Intent intent, Repeat repeat, CancellationToken ct)
    {
        var data = turn.Data;
        // A purpose or a work unit may well read “社区活动…”: there it is the answer, not a new request.
        if (intent.Kind is IntentKind.ListActivities or IntentKind.BookRoom or IntentKind.Report && TakesFreeText(data.Step)) return null;
        return intent.Kind switch
        {
            IntentKind.ListActivities => await WithHomeAsync(turn, CommunityFor.Activities, ct),
            IntentKind.BookRoom => await WithHomeAsync(turn, CommunityFor.Booking, ct),
            IntentKind.Report => await WithHomeAsync(turn, CommunityFor.Report, ct),
            IntentKind.JoinActivity => await activities.JoinAsync(turn, intent.OrderId!, ct),
            IntentKind.CancelRegistration => TurnResult.Say(data, [await activities.CancelAsync(data, intent.OrderId, ct), .. await repeat(turn, ct)]),
            IntentKind.MyActivities => TurnResult.Say(data, [await activities.MineAsync(data, ct), .. await repeat(turn, ct)]),
            IntentKind.MyBookings => TurnResult.Say(data, [await bookings.MineAsync(data, ct), .. await repeat(turn, ct)]),
            IntentKind.CancelBooking => TurnResult.Say(data, [await bookings.CancelAsync(data, intent.OrderId, ct), .. await repeat(turn, ct)]),
            IntentKind.MyHours => TurnResult.Say(data, [await reports.HoursAsync(data, ct), .. await repeat(turn, ct)]),
            _ => null,
        };
    }

    public async Task<TurnResult?> OnStepAsync(Turn turn, CancellationToken ct) => turn.Data.Step switch
    {
        ChoosingCommunity s => await HomeChosenAsync(turn, s, ct),
        JoiningActivity s => await activities.AnswerAsync(turn, s, ct),
        BookingRoom s => await bookings.AnswerAsync(turn, s, ct),
        ConfirmingBooking s => await bookings.ConfirmAsync(turn, s, ct),
        ReportingPerson s => await reports.AnswerAsync(turn, s, ct),
        _ => null,
    };

    /// <summary>Steps that take a typed name: “我叫王建国” there is the answer, not an introduction.</summary>
    public static bool TakesName(DialogStep step) =>
        step is JoiningActivity { Name: null } or BookingRoom { Asking: BookingSlot.Name } or ReportingPerson { Asking: ReportSlot.Name };

    private static bool TakesFreeText(DialogStep step) =>
        step is BookingRoom { Asking: BookingSlot.Purpose or BookingSlot.Name } or ReportingPerson { Asking: ReportSlot.Name or ReportSlot.WorkUnit or ReportSlot.Team } or JoiningActivity;

    public async Task<Reply?> RepeatAsync(ConversationData data, CancellationToken ct) => data.Step switch
    {
        ChoosingCommunity => await AskCommunityAsync(ct),
        JoiningActivity s => ActivityDialog.Repeat(s),
        BookingRoom or ConfirmingBooking => await bookings.RepeatAsync(data.Step, data, ct),
        ReportingPerson s => ReportDialog.Repeat(s, data.Home),
        _ => null,
    };

    private async Task<TurnResult> WithHomeAsync(Turn turn, CommunityFor next, CancellationToken ct) => turn.Data.Home is { } home
        ? await ContinueAsync(turn with { Data = turn.Data with { Step = Idle.Instance } }, home, next, ct)
        : TurnResult.Say(turn.Data with { Step = new ChoosingCommunity(next) }, await AskCommunityAsync(ct));

    private async Task<TurnResult> HomeChosenAsync(Turn turn, ChoosingCommunity step, CancellationToken ct)
    {
        var communities = await orders.CommunitiesAsync(ct);
        if (WishReader.Community(turn.Text, communities) is not { } chosen)
            return TurnResult.Say(turn.Data, new Reply(LifeTexts.BadCommunity, [.. communities.Select(c => c.Name)]));
        var home = new HomeCommunity(chosen.Id, chosen.Name);
        return await ContinueAsync(turn with { Data = turn.Data with { Home = home, Step = Idle.Instance } }, home, step.For, ct);
    }

    private async Task<TurnResult> ContinueAsync(Turn turn, HomeCommunity home, CommunityFor next, CancellationToken ct) => next switch
    {
        CommunityFor.Activities => TurnResult.Say(turn.Data, await activities.ListAsync(home, ct)),
        CommunityFor.Booking => await bookings.StartAsync(turn, home, ct),
        _ => ReportDialog.Start(turn, home),
    };

    private async Task<Reply> AskCommunityAsync(CancellationToken ct) =>
        new(LifeTexts.AskCommunity, [.. (await orders.CommunitiesAsync(ct)).Select(c => c.Name)]);
}

public static class LifeTexts
{
    public const string AskCommunity = "请问您住在哪个社区？我记下后，以后就不用再问了。";
    public const string BadCommunity = "没找到这个社区，请点下面的按钮选择您所在的社区：";
}
