using System.Globalization;

namespace Gongjian.Bot.Conversations;

/// <summary>Days and times as residents read them: Beijing time, “12月8日（周二）14:30”.</summary>
public static class Beijing
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);
    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    public static DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(Offset);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Local(clock.GetUtcNow()).DateTime);

    public static string Day(DateOnly d) => $"{d.Month}月{d.Day}日（{Weekdays[(int)d.DayOfWeek]}）";

    public static string Day(DateTimeOffset at) => Day(DateOnly.FromDateTime(Local(at).DateTime));

    public static string Time(DateTimeOffset at) => Local(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>“12月8日（周二）14:30–16:30”; an activity over several days shows both days.</summary>
    public static string Span(DateTimeOffset start, DateTimeOffset end) =>
        DateOnly.FromDateTime(Local(start).DateTime) == DateOnly.FromDateTime(Local(end).DateTime)
            ? $"{Day(start)}{Time(start)}–{Time(end)}" : $"{Day(start)}{Time(start)} 至 {Day(end)}{Time(end)}";

    public static string At(DateTimeOffset at) => $"{Day(at)}{Time(at)}";
}
