using System.Globalization;
using Gongjian.Domain.Bookings;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Bookings;

/// <summary>Beijing dates and times as the booking API writes them (<c>yyyy-MM-dd</c>, <c>HH:mm</c>, weekday names), parsed strictly.</summary>
public static class BookingTimes
{
    /// <summary>A Beijing date, within years 2000–2099 (so that every time of the day is a valid instant, and no range overflows).</summary>
    public static DateOnly Date(string? text, string field = "date") =>
        !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? throw ApiProblem.BadRequest("date_invalid", "日期格式应为 yyyy-MM-dd（北京时间）。", field)
            : d.Year is < 2000 or > 2099 ? throw ApiProblem.BadRequest("date_out_of_range", "日期须在 2000 年到 2099 年之间。", field)
            : d;

    /// <summary>The longest range of days read at once (two weeks).</summary>
    public const int RangeDaysMax = 14;

    /// <summary>A range of Beijing days, both ends included: each a date, <paramref name="to"/> not before <paramref name="from"/>, at most <see cref="RangeDaysMax"/> days.</summary>
    public static (DateOnly From, DateOnly To) Range(string? from, string? to)
    {
        var (first, last) = (Date(from, "from"), Date(to, "to"));
        if (last < first) throw ApiProblem.BadRequest("range_reversed", "结束日期（to）不能早于开始日期（from）。", "to");
        if (last.DayNumber - first.DayNumber + 1 > RangeDaysMax)
            throw ApiProblem.BadRequest("range_too_long", $"一次最多查询 {RangeDaysMax} 天的空闲时段。", "to");
        return (first, last);
    }

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
