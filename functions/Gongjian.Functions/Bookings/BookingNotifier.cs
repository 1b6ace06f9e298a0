using Gongjian.Bot.Notifications;
using Gongjian.Domain.Bookings;
using Gongjian.Engine;
using Gongjian.Functions.Engine;

namespace Gongjian.Functions.Bookings;

/// <summary>
/// The booking module's fan-out to the owner unit (its liaison's chat and notices): a request to answer, an instant
/// booking, a cancellation, and the reminders (a request not yet answered; a slot about to begin). Notices name the
/// resource and the slot in Beijing time, never the requester. Safe to run twice: ids derive from the event or timer id.
/// </summary>
public sealed class BookingNotifier(NotificationSender sender) : INotifier<BookingLedgerState>
{
    public async Task NotifyAsync(EventMessage message, BookingLedgerState state, CancellationToken ct)
    {
        if (message.Fact("bookingId") is not { } id || state.Find(id) is not { } b) return;
        var slot = Slot(state, b);
        var (kind, text) = message.Type switch
        {
            nameof(BookingRequested) when b.Status == BookingStatus.Pending => ("booking_requested", $"{slot}有新的预约申请（{b.People} 人），请审批。"),
            nameof(BookingRequested) => ("booking_instant", $"{slot}已被预约（{b.People} 人，即时预约）。"),
            nameof(BookingCancelled) => ("booking_cancelled", $"{slot}的预约已取消：{b.Reason}。"),
            _ => (null, null),
        };
        if (kind is null) return;
        var to = new Recipient(RecipientKind.Unit, state.UnitId);
        await sender.SendAsync($"{message.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, kind, text!, ct, title: "资源预约", sequence: message.Sequence);
    }

    public async Task RemindAsync(TimerMessage timer, BookingLedgerState state, CancellationToken ct)
    {
        var id = timer.Step?[(timer.Step.IndexOf('-') + 1)..];
        if (id is null || state.Find(id) is not { } b) return;
        var text = b.Status == BookingStatus.Pending
            ? $"{Slot(state, b)}的预约申请还没有答复，请尽快审批。"
            : $"{Slot(state, b)}已有预约（{b.People} 人），请提前做好准备。";
        var to = new Recipient(RecipientKind.Unit, state.UnitId);
        await sender.SendAsync($"{timer.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, "booking_reminder", text, ct, title: "资源预约", sequence: state.Version);
    }

    /// <summary>“活动室 12月8日 09:00–10:00” in Beijing time.</summary>
    public static string Slot(BookingLedgerState s, Booking b) =>
        $"{s.Title} {b.Start.ToOffset(BookingLimits.Beijing):M月d日 HH:mm}–{b.End.ToOffset(BookingLimits.Beijing):HH:mm}";
}
