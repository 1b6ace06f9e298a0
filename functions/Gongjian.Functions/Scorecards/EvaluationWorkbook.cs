using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Indicators;
using MiniExcelLibs;

namespace Gongjian.Functions.Scorecards;

/// <summary>
/// The .xlsx of the indicators and the scorecard, written by MiniExcel: one sheet per level, Chinese headers, numbers
/// as numbers (an empty cell where an indicator has no value). Units, communities and counts only: nothing of a person.
/// </summary>
public static class EvaluationWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

    /// <summary>Sheets 评议成绩 (rank, unit, each indicator's points, manual points, total, grade) and 评议方案 (the version scored with).</summary>
    public static async Task<byte[]> ScorecardAsync(ScorecardView card, CancellationToken ct)
    {
        var names = card.Indicators.ToDictionary(i => i.Code, i => i.Name);
        var lines = card.Lines.Select(l =>
        {
            var row = new Dictionary<string, object?> { ["名次"] = l.Rank, ["单位"] = l.UnitName };
            foreach (var i in l.Items) row[$"{names.GetValueOrDefault(i.Indicator, i.Indicator)}（得分）"] = i.Points;
            if (card.Scheme.Manual is { } m) row[m.Name] = Cell(l.Manual);
            row["总分"] = l.Total;
            row["等级"] = l.Grade;
            return row;
        }).ToList();
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

    private static async Task<byte[]> SaveAsync(Dictionary<string, object> sheets, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: ct);
        return stream.ToArray();
    }
}
