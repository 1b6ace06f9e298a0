using Gongjian.Bot.Activities;
using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.Bookings;

/// <summary>The booking's summary card and the titled buttons that cancel a booking.</summary>
public static class BookingCards
{
    /// <summary>One card: each field on its own line; the phone masked (the resident typed it, the transcript need not keep it twice).</summary>
    public static Reply Summary(BookingDraft d)
    {
        List<(string, string)> facts =
        [
            ("场地", d.Title ?? ""),
            ("日期", d.Day is { } day ? Beijing.Day(day) : ""),
            ("时段", $"{d.Start}–{d.End}（北京时间）"),
            ("用途", d.Purpose ?? ""),
            ("人数", $"{d.People} 人"),
            ("联系电话", d.Phone is { } p ? PersonAnswers.Masked(p) : ""),
        ];
        return new Reply(BookingTexts.ConfirmPrompt, null, [AdaptiveCards.Facts(BookingTexts.CardTitle, facts, [BookingTexts.Confirm, Texts.Cancel])]);
    }

    public static (string Label, string Data) CancelChoice(BookedSlot b) =>
        ($"取消“{b.Title}”，{Beijing.Day(b.Day)}{b.Start}–{b.End}", $"{BookingTexts.CancelWord} {b.BookingId}");
}
