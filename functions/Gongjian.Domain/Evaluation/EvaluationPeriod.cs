using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongjian.Domain.Evaluation;

public enum PeriodKind { Month, Quarter, Year }

/// <summary>
/// A month (<c>2026-07</c>), quarter (<c>2026-Q3</c>) or year (<c>2026</c>) in Beijing time, as street offices report:
/// from its first midnight (inclusive) to the next period's (exclusive).
/// </summary>
public sealed partial record EvaluationPeriod(PeriodKind Kind, int Year, int Number)
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public DateTimeOffset Start => new(Year, Kind switch { PeriodKind.Month => Number, PeriodKind.Quarter => Number * 3 - 2, _ => 1 }, 1, 0, 0, 0, Beijing);

    public DateTimeOffset End => Kind switch
    {
        PeriodKind.Month => Start.AddMonths(1),
        PeriodKind.Quarter => Start.AddMonths(3),
        _ => Start.AddYears(1),
    };

    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    public string Code => Kind switch
    {
        PeriodKind.Month => $"{Year:D4}-{Number:D2}",
        PeriodKind.Quarter => $"{Year:D4}-Q{Number}",
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    public string Chinese => Kind switch
    {
        PeriodKind.Month => $"{Year}年{Number}月",
        PeriodKind.Quarter => $"{Year}年第{"一二三四"[Number - 1]}季度",
        _ => $"{Year}年",
    };

    /// <summary>The months the period is made of, in order (a year: twelve).</summary>
    public IEnumerable<EvaluationPeriod> Months()
    {
        for (var m = Start; m < End; m = m.AddMonths(1)) yield return new EvaluationPeriod(PeriodKind.Month, m.Year, m.Month);
    }

    public static EvaluationPeriod MonthOf(DateTimeOffset at)
    {
        var local = at.ToOffset(Beijing);
        return new EvaluationPeriod(PeriodKind.Month, local.Year, local.Month);
    }

    /// <summary>Parses a period code; null when it is not one (years 2000–2099 only).</summary>
    public static EvaluationPeriod? TryParse(string? code)
    {
        var m = code is null ? null : Pattern().Match(code.Trim());
        if (m is not { Success: true }) return null;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["q"].Success) return new EvaluationPeriod(PeriodKind.Quarter, year, m.Groups["q"].Value[0] - '0');
        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 ? new EvaluationPeriod(PeriodKind.Month, year, month) : null;
        }
        return new EvaluationPeriod(PeriodKind.Year, year, 1);
    }

    [GeneratedRegex(@"^(?<y>20\d\d)(?:-(?:Q(?<q>[1-4])|(?<m>\d\d)))?$")]
    private static partial Regex Pattern();
}
