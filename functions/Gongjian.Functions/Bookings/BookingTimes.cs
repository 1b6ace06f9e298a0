using System.Globalization;
using Gongjian.Domain.Bookings;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Bookings;

/// <summary>Beijing dates and times as the booking API writes them (<c>yyyy-MM-dd</c>, <c>HH:mm</c>, weekday names), parsed strictly.</summary>
public static class BookingTimes
{
    public static DateOnly Date(string? text, string field = "date") =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw ApiProblem.BadRequest("date_invalid", "日期格式应为 yyyy-MM-dd（北京时间）。", field);

    /// <summary>Minutes after midnight; <c>24:00</c> is the end of the day.</summary>
    public static int Minutes(string? text, string field)
    {
        if (text is "24:00") return 24 * 60;
        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.Hour * 60 + t.Minute
            : throw ApiProblem.BadRequest("time_invalid", "时间格式应为 HH:mm（北京时间）。", field);
    }

    public static string Clock(int minutes) => $"{minutes / 60:D2}:{minutes % 60:D2}";

    public static string Clock(DateTimeOffset at) => at.ToOffset(BookingLimits.Beijing).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static DateTimeOffset At(DateOnly day, int minutes) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), BookingLimits.Beijing).AddMinutes(minutes);

    public static DayOfWeek Weekday(string? text) =>
        Enum.TryParse<DayOfWeek>(text, ignoreCase: true, out var d) && text!.All(char.IsAsciiLetterLower) ? d
            : throw ApiProblem.BadRequest("weekday_invalid", "星期应为 monday 到 sunday。", "hours");

    public static string WeekdayCode(DayOfWeek d) => d.ToString().ToLowerInvariant();

    public static BookingPolicy Policy(BookingPolicyRequest r)
    {
        var hours = new Dictionary<DayOfWeek, OpeningWindow>();
        foreach (var h in r.Hours)
            if (!hours.TryAdd(Weekday(h.Weekday), new OpeningWindow(Minutes(h.Opens, "hours"), Minutes(h.Closes, "hours"))))
                throw ApiProblem.BadRequest("weekday_repeated", "同一天的开放时间只能填一次。", "hours");
        return new BookingPolicy { Hours = hours, SlotMinutes = r.SlotMinutes, Instant = r.Instant };
    }

    public static BookingPolicyView View(string resourceId, BookingPolicy p, int version) => new(resourceId,
        p.Hours.OrderBy(h => ((int)h.Key + 6) % 7).Select(h => new OpeningHoursRequest { Weekday = WeekdayCode(h.Key), Opens = Clock(h.Value.OpensAt), Closes = Clock(h.Value.ClosesAt) }).ToList(),
        p.SlotMinutes, p.Instant, version);
}
