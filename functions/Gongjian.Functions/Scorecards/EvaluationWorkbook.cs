using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Indicators;
using MiniExcelLibs;

namespace Gongjian.Functions.Scorecards;

/// <summary>
/// The .xlsx (and .csv) of the indicators and the scorecard, written by MiniExcel: one sheet per level, Chinese headers,
/// numbers as numbers (an empty cell where an indicator has no value). Units, communities and counts only: nothing of a
/// person. A CSV is one table: the indicators' levels as rows told apart by 层级, the scorecard's lines.
/// </summary>
public static class EvaluationWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv";

    private static object? Cell(double? v) => v is { } x ? x : null;

    /// <summary>Sheets 工单指标 (per unit and 合计), 共建指标-单位, 共建指标-社区, 共建指标-街道 and 指标定义.</summary>
    public static async Task<byte[]> IndicatorsAsync(string periodName, IReadOnlyList<UnitIndicators> orderUnits, UnitIndicators orderTotal, ModuleIndicatorsView modules,
        CancellationToken ct)
    {
        static Dictionary<string, object?> Row(string first, string firstValue, string second, string secondValue, IEnumerable<IndicatorValue> values)
        {
            var row = new Dictionary<string, object?> { [first] = firstValue, [second] = secondValue };
            foreach (var v in values) row[v.Name] = Cell(v.Value);
            return row;
        }
        var sheets = new Dictionary<string, object>
        {
            ["工单指标"] = orderUnits.Append(orderTotal).Select(u => Row("期间", periodName, "单位", u.UnitName, u.Values)).ToList(),
            ["共建指标-单位"] = modules.Units.Select(u => Row("期间", periodName, "单位", u.Name, u.Values)).ToList(),
            ["共建指标-社区"] = modules.Communities.Select(c => Row("期间", periodName, "社区", c.Name, c.Values)).ToList(),
            ["共建指标-街道"] = new[] { Row("期间", periodName, "街道", modules.StreetId, modules.Total.Values) }.ToList(),
            ["指标定义"] = OrderIndicatorsFunction.Definitions.Concat(modules.Definitions)
                .Select(d => new Dictionary<string, object?> { ["代码"] = d.Code, ["名称"] = d.Name, ["定义"] = d.Definition }).ToList(),
        };
        return await SaveAsync(sheets, ct);
    }

    /// <summary>
    /// The indicators as one table: a row per unit (its order and module indicators side by side), per community (module
    /// indicators: orders are judged per unit) and for the street (both totals), 层级 telling which.
    /// </summary>
    public static async Task<byte[]> IndicatorsCsvAsync(string periodName, IReadOnlyList<UnitIndicators> orderUnits, UnitIndicators orderTotal, ModuleIndicatorsView modules,
        CancellationToken ct)
    {
        var columns = OrderIndicatorsFunction.Definitions.Concat(modules.Definitions).Select(d => d.Name).Distinct().ToList();
        Dictionary<string, object?> Row(string level, string name, IEnumerable<IndicatorValue> values)
        {
            var row = new Dictionary<string, object?> { ["期间"] = periodName, ["层级"] = level, ["名称"] = Text(name) };
            foreach (var c in columns) row[c] = null;
            foreach (var v in values) row[v.Name] = Cell(v.Value);
            return row;
        }
        var orders = orderUnits.ToDictionary(u => u.UnitId, StringComparer.Ordinal);
        var unitIds = orderUnits.Select(u => u.UnitId).Concat(modules.Units.Select(u => u.Id)).Distinct(StringComparer.Ordinal);
        var modulesOf = modules.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var rows = unitIds.Select(id => Row("单位", orders.TryGetValue(id, out var o) ? o.UnitName : modulesOf[id].Name,
                [.. orders.TryGetValue(id, out var ov) ? ov.Values : [], .. modulesOf.TryGetValue(id, out var mv) ? mv.Values : []]))
            .Concat(modules.Communities.Select(c => Row("社区", c.Name, c.Values)))
            .Append(Row("街道", "合计", [.. orderTotal.Values, .. modules.Total.Values]))
            .ToList();
        return await CsvAsync(rows, ct);
    }

    /// <summary>The scorecard's lines (as the 评议成绩 sheet).</summary>
    public static Task<byte[]> ScorecardCsvAsync(ScorecardView card, CancellationToken ct) =>
        CsvAsync([.. Lines(card).Select(r => r.ToDictionary(kv => kv.Key, kv => kv.Value is string s ? Text(s) : kv.Value))], ct);

    private static List<Dictionary<string, object?>> Lines(ScorecardView card)
    {
        var names = card.Indicators.ToDictionary(i => i.Code, i => i.Name);
        return [.. card.Lines.Select(l =>
        {
            var row = new Dictionary<string, object?> { ["名次"] = l.Rank, ["单位"] = l.UnitName };
            foreach (var i in l.Items) row[$"{names.GetValueOrDefault(i.Indicator, i.Indicator)}（得分）"] = i.Points;
            if (card.Scheme.Manual is { } m) row[m.Name] = Cell(l.Manual);
            row["总分"] = l.Total;
            row["等级"] = l.Grade;
            return row;
        })];
    }

    /// <summary>Sheets 评议成绩 (rank, unit, each indicator's points, manual points, total, grade) and 评议方案 (the version scored with).</summary>
    public static async Task<byte[]> ScorecardAsync(ScorecardView card, CancellationToken ct)
    {
        var names = card.Indicators.ToDictionary(i => i.Code, i => i.Name);
        var lines = Lines(card);
        var scheme = card.Scheme.Items.Select(i => new Dictionary<string, object?>
        {
            ["指标"] = names.GetValueOrDefault(i.Indicator, i.Indicator), ["代码"] = i.Indicator, ["每单位分值"] = i.PointsPer, ["封顶分"] = i.Cap,
        }).ToList();
        if (card.Scheme.Manual is { } manual)
            scheme.Add(new() { ["指标"] = manual.Name, ["代码"] = "manual", ["每单位分值"] = null, ["封顶分"] = manual.Max });
        var info = new List<Dictionary<string, object?>>
        {
            new() { ["项目"] = "年度", ["内容"] = card.Year },
            new() { ["项目"] = "状态", ["内容"] = card.Status == "published" ? "已发布" : "未发布（草稿）" },
            new() { ["项目"] = "方案版本", ["内容"] = card.SchemeVersion },
            new() { ["项目"] = "方案总分", ["内容"] = card.Scheme.Total },
            new() { ["项目"] = "优秀分数线", ["内容"] = card.Scheme.Grades.Excellent },
            new() { ["项目"] = "良好分数线", ["内容"] = card.Scheme.Grades.Good },
            new() { ["项目"] = "合格分数线", ["内容"] = card.Scheme.Grades.Pass },
        };
        return await SaveAsync(new Dictionary<string, object> { ["评议成绩"] = lines, ["评议方案"] = scheme, ["说明"] = info }, ct);
    }

    /// <summary>A name as a CSV cell: one starting with = + - @ gets a leading apostrophe, so a spreadsheet shows it rather than running it.</summary>
    private static string Text(string v) => v.Length > 0 && "=+-@".Contains(v[0]) ? "'" + v : v;

    /// <summary>UTF-8 with a byte-order mark (Excel in Chinese opens it as UTF-8), every text cell quoted.</summary>
    private static async Task<byte[]> CsvAsync(List<Dictionary<string, object?>> rows, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        var config = new MiniExcelLibs.Csv.CsvConfiguration { StreamWriterFunc = s => new StreamWriter(s, new System.Text.UTF8Encoding(true)) };
        await stream.SaveAsAsync(rows, excelType: ExcelType.CSV, configuration: config, cancellationToken: ct);
        return stream.ToArray();
    }

    private static async Task<byte[]> SaveAsync(Dictionary<string, object> sheets, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: ct);
        return stream.ToArray();
    }
}
