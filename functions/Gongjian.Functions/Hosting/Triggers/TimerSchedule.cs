using Cronos;

namespace Gongjian.Functions.Hosting.Triggers;

/// <summary>
/// A six-field NCRONTAB schedule (seconds first), as in function.json, evaluated in UTC (the
/// Functions default when WEBSITE_TIME_ZONE is not set). A bad expression fails at start-up.
/// </summary>
public sealed class TimerSchedule
{
    private readonly CronExpression _cron;

    private TimerSchedule(string expression, CronExpression cron) => (Expression, _cron) = (expression, cron);

    public string Expression { get; }

    public static TimerSchedule Parse(string functionName, string expression)
    {
        try
        {
            return new TimerSchedule(expression, CronExpression.Parse(expression, CronFormat.IncludeSeconds));
        }
        catch (CronFormatException e)
        {
            throw new InvalidOperationException(
                $"Timer function '{functionName}' has an invalid schedule '{expression}': {e.Message} " +
                "Use six NCRONTAB fields, seconds first, e.g. \"0 */5 * * * *\".", e);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset after) =>
        _cron.GetNextOccurrence(after.UtcDateTime, inclusive: false) is { } next
            ? new DateTimeOffset(next, TimeSpan.Zero)
            : DateTimeOffset.MaxValue; // a schedule that never fires again (e.g. a date in the past)
}
