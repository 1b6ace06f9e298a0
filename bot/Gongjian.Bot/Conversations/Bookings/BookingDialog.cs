using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations.Liaison;
using Gongjian.Bot.Desk;
using Gongjian.Domain.Bookings;

namespace Gongjian.Bot.Conversations.Bookings;

/// <summary>
/// 预约活动室 in small steps: the room (one of the community's bookable resources), the day, a free slot (Beijing time),
/// the purpose and head count, the name and phone (once), a summary card, then the request through the bookings module.
/// The module decides: approved, pending the owner's approval, or refused (a taken slot or one outside the opening hours
/// goes back to the slots of that day). “我的预约” lists what was booked here; “取消预约” frees a slot.
/// </summary>
public sealed class BookingDialog(IBookingDesk desk, TimeProvider clock)
{
    public const int DaysOffered = 7;

    public async Task<TurnResult> StartAsync(Turn turn, HomeCommunity home, CancellationToken ct)
    {
        var rooms = await desk.ResourcesAsync(home.Id, ct);
        if (rooms.Count == 0) return TurnResult.Say(turn.Data with { Step = Idle.Instance }, new Reply(BookingTexts.NoResources(home.Name), Texts.Menu));
        var draft = new BookingDraft { Name = turn.Data.Contact?.Name, Phone = turn.Data.Contact?.Phone };
        if (rooms.Count == 1) draft = draft with { ResourceId = rooms[0].ResourceId, Title = rooms[0].Title };
        return await NextAsync(turn.Data, draft, ct, home);
    }

    public async Task<TurnResult> AnswerAsync(Turn turn, BookingRoom step, CancellationToken ct)
    {
        var d = step.Draft;
        var typed = turn.Text.Trim();
        switch (step.Asking)
        {
            case BookingSlot.Resource:
                var rooms = turn.Data.Home is { } home ? await desk.ResourcesAsync(home.Id, ct) : [];
                var bare = Intents.Bare(Intents.Normalize(typed));
                var room = rooms.FirstOrDefault(r => Intents.Bare(r.Title) == bare) ?? rooms.FirstOrDefault(r => bare.Length >= 2 && Intents.Bare(r.Title).Contains(bare));
                return room is null
                    ? TurnResult.Say(turn.Data, new Reply(BookingTexts.BadResource, [.. rooms.Select(r => r.Title)]))
                    : await NextAsync(turn.Data, d with { ResourceId = room.ResourceId, Title = room.Title }, ct);
            case BookingSlot.Day:
                if (Day(typed) is not { } day) return TurnResult.Say(turn.Data, new Reply(BookingTexts.BadDay, DayButtons()));
                if (day < Beijing.Today(clock)) return TurnResult.Say(turn.Data, new Reply(BookingTexts.PastDay, DayButtons()));
                return await NextAsync(turn.Data, d with { Day = day }, ct);
            case BookingSlot.Time:
                return BookingTime.Read(typed) is { } slot
                    ? await NextAsync(turn.Data, d with { Start = slot.Start, End = slot.End }, ct)
                    : TurnResult.Say(turn.Data, BookingTexts.BadTime);
            case BookingSlot.Purpose:
                return typed.Length is >= 2 and <= BookingLimits.PurposeMax && Intents.Bare(typed).Length >= 2
                    ? await NextAsync(turn.Data, d with { Purpose = typed }, ct) : TurnResult.Say(turn.Data, BookingTexts.BadPurpose);
            case BookingSlot.People:
                return BookingTime.Count(typed) is { } people and >= 1 and <= BookingLimits.PeopleMax
                    ? await NextAsync(turn.Data, d with { People = people }, ct) : TurnResult.Say(turn.Data, BookingTexts.BadPeople);
            case BookingSlot.Name:
                return PersonAnswers.FullName(typed) is { } name ? await NextAsync(turn.Data, d with { Name = name }, ct) : TurnResult.Say(turn.Data, BookingTexts.BadName);
            default:
                return PersonAnswers.Phone(typed) is { Length: 11 } phone ? await NextAsync(turn.Data, d with { Phone = phone }, ct) : TurnResult.Say(turn.Data, BookingTexts.BadPhone);
        }
    }

    public async Task<TurnResult> ConfirmAsync(Turn turn, ConfirmingBooking step, CancellationToken ct)
    {
        var choice = Intents.Bare(Intents.Normalize(turn.Text));
        if (choice is not (BookingTexts.Confirm or "确认" or "提交" or "对" or "是" or "好" or "好的" or "可以" or "没问题"))
            return TurnResult.Say(turn.Data, BookingCards.Summary(step.Draft));
        var d = step.Draft;
        var data = turn.Data with { Contact = turn.Data.Contact ?? new PersonContact(d.Name!, d.Phone!) };
        var done = await desk.BookAsync(new BookingRequest(d.ResourceId!, d.Day!.Value, d.Start!, d.End!, d.Name!, d.Phone!, d.Purpose!, d.People!.Value, d.Id), ct);
        if (done.Value is not { } booked)
        {
            // A taken slot, or one outside the hours: the day's free slots again, the rest of the draft kept (a new draft id: a new request).
            if (done.Refusal is { } why && BookingTime.IsAboutTheSlot(why))
                return await NextAsync(data, d with { Id = Guid.NewGuid().ToString("N"), Start = null, End = null }, ct, lead: BookingTexts.TryAnotherTime(why));
            return TurnResult.Say(data with { Step = Idle.Instance }, new Reply(BookingTexts.NotBooked(done.Refusal!), Texts.Menu));
        }
        var kept = data.WithBooking(new ResidentBooking(booked.ResourceId, booked.BookingId, booked.Title, booked.Day, booked.Start, booked.End, booked.Code!)) with { Step = Idle.Instance };
        var text = booked.Status == "approved" ? BookingTexts.Approved(booked) : BookingTexts.Pending(booked);
        return TurnResult.Say(kept, new Reply(text, [BookingTexts.Mine, .. Texts.Menu]));
    }

    public async Task<Reply> MineAsync(ConversationData data, CancellationToken ct)
    {
        if (data.Bookings.Count == 0) return new Reply(BookingTexts.NothingBooked, [BookingTexts.Book, .. Texts.Menu]);
        var found = await desk.StatusAsync([.. data.Bookings.Select(b => (b.ResourceId, b.BookingId))], ct);
        if (found.Count == 0) return new Reply(BookingTexts.NothingBooked, [BookingTexts.Book, .. Texts.Menu]);
        var cancellable = found.Where(Standing).Select(BookingCards.CancelChoice).ToList();
        return cancellable.Count == 0
            ? new Reply(BookingTexts.Bookings(found), [BookingTexts.Book, .. Texts.Menu])
            : new Reply(BookingTexts.Bookings(found), [BookingTexts.Book, .. Texts.Menu], [AdaptiveCards.Choices(BookingTexts.CancelTitle, cancellable)]);
    }

    public async Task<Reply> CancelAsync(ConversationData data, string? bookingId, CancellationToken ct)
    {
        var mine = bookingId is null ? data.Bookings : [.. data.Bookings.Where(b => b.BookingId == bookingId)];
        var standing = mine.Count == 0 ? [] : (await desk.StatusAsync([.. mine.Select(b => (b.ResourceId, b.BookingId))], ct)).Where(Standing).ToList();
        if (standing.Count == 0) return new Reply(bookingId is null ? BookingTexts.NothingBooked : BookingTexts.CancelFailed("这个预约已经不能取消了。"), [BookingTexts.Mine, .. Texts.Menu]);
        if (standing.Count > 1)
            return new Reply(BookingTexts.WhichToCancel, null, [AdaptiveCards.Choices(BookingTexts.WhichToCancel, [.. standing.Select(BookingCards.CancelChoice)])]);
        var target = mine.First(b => b.BookingId == standing[0].BookingId);
        var done = await desk.CancelAsync(target.ResourceId, target.BookingId, target.Code, ct);
        return new Reply(done.Value is { } cancelled ? BookingTexts.Cancelled(cancelled) : BookingTexts.CancelFailed(done.Refusal!), [BookingTexts.Mine, .. Texts.Menu]);
    }

    public async Task<Reply> RepeatAsync(DialogStep step, ConversationData data, CancellationToken ct) => step switch
    {
        ConfirmingBooking s => BookingCards.Summary(s.Draft),
        BookingRoom s => (await NextAsync(data, s.Draft, ct, ask: s.Asking)).Replies[0],
        _ => BookingTexts.Book,
    };

    /// <summary>The next question for the draft (or the summary card); the day's slots are read when the time is asked.</summary>
    private async Task<TurnResult> NextAsync(ConversationData data, BookingDraft d, CancellationToken ct, HomeCommunity? home = null, string? lead = null, BookingSlot? ask = null)
    {
        var missing = ask ?? d.Missing;
        if (missing is null) return TurnResult.Say(data with { Step = new ConfirmingBooking(d) }, BookingCards.Summary(d));
        Reply reply;
        switch (missing)
        {
            case BookingSlot.Resource:
                var place = home ?? data.Home!;
                reply = new Reply(BookingTexts.AskResource(place.Name), [.. (await desk.ResourcesAsync(place.Id, ct)).Select(r => r.Title)]);
                break;
            case BookingSlot.Day:
                reply = new Reply(BookingTexts.AskDay(d.Title!), DayButtons());
                break;
            case BookingSlot.Time:
                var day = await desk.DayAsync(d.ResourceId!, d.Day!.Value, ct);
                if (day.Value is not { } slots) return TurnResult.Say(data with { Step = Idle.Instance }, new Reply(BookingTexts.NotBooked(day.Refusal!), Texts.Menu));
                var free = slots.Slots.Where(s => s.Free && IsAhead(d.Day.Value, s.Start)).ToList();
                if (!slots.Open || free.Count == 0)
                {
                    var why = slots.Open ? BookingTexts.Full(d.Title!, Beijing.Day(d.Day.Value)) : BookingTexts.Closed(d.Title!, Beijing.Day(d.Day.Value));
                    return TurnResult.Say(data with { Step = new BookingRoom(d with { Day = null }, BookingSlot.Day) }, new Reply((lead is null ? "" : lead + "\n") + why, DayButtons()));
                }
                reply = new Reply(BookingTexts.AskTime(d.Title!, Beijing.Day(d.Day.Value), slots.Hours), [.. free.Select(s => $"{s.Start}-{s.End}")]);
                break;
            case BookingSlot.Purpose: reply = BookingTexts.AskPurpose; break;
            case BookingSlot.People: reply = BookingTexts.AskPeople; break;
            case BookingSlot.Name: reply = BookingTexts.AskName; break;
            default: reply = BookingTexts.AskPhone; break;
        }
        if (lead is not null) reply = reply with { Text = lead + "\n" + reply.Text };
        return TurnResult.Say(data with { Step = new BookingRoom(d, missing.Value) }, reply);
    }

    private string[] DayButtons()
    {
        var today = Beijing.Today(clock);
        return [.. Enumerable.Range(0, DaysOffered).Select(i => Beijing.Day(today.AddDays(i)))];
    }

    /// <summary>今天, 明天, 后天, or a date (“12月10日”, “2026-12-10”).</summary>
    private DateOnly? Day(string text)
    {
        var today = Beijing.Today(clock);
        return Intents.Bare(Intents.Normalize(text)) switch
        {
            "今天" => today,
            "明天" => today.AddDays(1),
            "后天" => today.AddDays(2),
            _ => ProjectDialog.Day(Intents.Normalize(text), today),
        };
    }

    private bool IsAhead(DateOnly day, string start) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.ParseExact(start, "HH:mm")), Beijing.Offset) > clock.GetUtcNow();

    private static bool Standing(BookedSlot b) => b.Status is "pending" or "approved";
}
