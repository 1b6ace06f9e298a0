using Gongjian.Functions.Abuse;
using Microsoft.OpenApi;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http.Contract;
using Gongjian.Functions.Indicators;
using E = Gongjian.Functions.Scorecards.ScorecardExamples;

namespace Gongjian.Functions.Scorecards;

/// <summary>The HTTP functions of the module indicators and 年度评议 (issue 14, branch scorecard), registered from FunctionRoutes in one line.</summary>
public static class ScorecardRoutes
{
    public static void MapScorecardFunctions(this WebApplication app)
    {
        app.MapFunction("ModuleIndicators", ModuleIndicatorsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ModuleIndicatorsFunction.Run))
            .Describe(IndicatorExamples.Tag, "共建考核指标 Module indicators", "一个街道在某月、季度或年度（北京时间）的共建考核指标，分单位、分社区并合计：认领项目、节点进展、双报到承诺与兑现、" +
                "主办活动与参与人次、共享资源使用、志愿服务时长、实现微心愿、办结工单（及以后新增的记录类型），以及每项指标的定义（同 docs/INDICATORS.md）。" +
                "权限同工单考核指标。只有计数和时长，不含个人信息。" +
                "A street's module indicators per unit, community and in all for a period, from the evaluation records, with their definitions; counts only.",
                ApiAccess.Staff)
            .Query("period", "统计期间 Period: 2026, 2026-Q3 or 2026-07 (this year)").Query("street", "街道 Street (organizer: own; admin: required)")
            .Query("unit", "单位 Unit (liaison: own)").Query("community", "社区 Community")
            .Gives(200, E.Modules).Refuses(400, 401, 403);
    
        app.MapFunction("GetEvaluationSchemes", GetSchemesFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetSchemesFunction.Run))
            .Describe(E.Tag, "评议方案 Schemes", "一个街道某年度的评议方案：当前版本、历次版本、已发布时所用的版本，以及可选的考核指标及其定义。本街道工作人员均可查看。" +
                "A street's scheme for a year: the current version, the earlier ones, the version a published year used, and the indicators to choose from.", ApiAccess.Staff)
            .Query("year", "年度 Year (this year)", JsonSchemaType.Integer).Query("street", "街道 Street (organizer: own; admin: required)")
            .Gives(200, E.Schemes).Refuses(400, 401, 403);
        app.MapFunction("CreateEvaluationScheme", CreateSchemeFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CreateSchemeFunction.Run))
            .Describe(E.Tag, "制定评议方案 Create a scheme version", "街道组织方为某年度制定（或修改）评议方案，每次保存为新版本：指标、每单位分值（扣分为负）、封顶分、评议分及其满分、" +
                "优秀/良好/合格分数线。加分指标的封顶分之和加评议分满分须等于总分。年度成绩发布后不能再改（409 year_published）。" +
                "The organizer saves a new version of a year's scheme; full marks must make the total; a published year cannot change.", ApiAccess.Staff)
            .Takes(E.Scheme).Gives(201, E.Saved).Refuses(400, 401, 403, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("SetEvaluationManualScore", SetManualScoreFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, SetManualScoreFunction.Run))
            .Describe(E.Tag, "录入评议分 Enter manual points", "街道组织方为本街道的成员单位录入评议分（如居民代表评议），0 到方案规定的满分；发布后不能再改。" +
                "The organizer enters a unit's manual points, within the scheme's manual part, until the year is published.", ApiAccess.Staff)
            .Takes(E.Manual).Gives(200, E.ManualSaved).Refuses(400, 401, 403, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("GetScorecard", GetScorecardFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetScorecardFunction.Run))
            .Describe(E.Tag, "年度评议成绩 Scorecard", "某年度的评议成绩：未发布时按当前方案即时计算（draft），发布后为冻结的成绩及所用方案版本（published）。每个单位各项得分、评议分、总分、等级和街道内排名。" +
                "权限：组织方本街道；派单员服务本社区的单位；联络员本单位（排名为全街道内的名次）。" +
                "A year's scorecard, draft or published (frozen with its scheme version), ranked within the street; scoped.", ApiAccess.Staff)
            .Query("year", "年度 Year (this year)", JsonSchemaType.Integer).Query("street", "街道 Street (organizer: own; admin: required)")
            .Query("unit", "单位 Unit (liaison: own)").Query("community", "社区 Community: the units serving it")
            .Gives(200, E.Card).Refuses(400, 401, 403, 404);
        app.MapFunction("PublishScorecard", PublishScorecardFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, PublishScorecardFunction.Run))
            .Describe(E.Tag, "发布成绩 Publish", "街道组织方发布某年度的评议成绩：按当前方案版本计算并冻结，之后修改方案不影响已发布的成绩；重复发布为 409 year_published。" +
                "The organizer freezes the year's scores with the scheme version used; publishing twice is 409.", ApiAccess.Staff)
            .Takes(E.Publish).Gives(200, E.Card).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("TraceScore", TraceScoreFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, TraceScoreFunction.Run))
            .Describe(E.Tag, "得分依据 Trace a score", "一个单位某年度某项指标的依据：构成该值的记录或派单（工单只有编号和类别），以及每条记录计入的数值（计数为 1、时长为小时、比率为 1 达标或 0 未达标）。" +
                "联络员可查看本单位的。The records or dispatched orders behind a unit's indicator value, each with what it adds; a liaison sees its own unit's.",
                ApiAccess.Staff)
            .Query("year", "年度 Year (this year)", JsonSchemaType.Integer).Query("unit", "单位 Unit (liaison: own)").Query("indicator", "指标代码 Indicator code")
            .Query("street", "街道 Street (admin: required)")
            .Gives(200, E.Trace).Refuses(400, 401, 403);
        app.MapFunction("ListEvaluationExports", ListEvaluationExportsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListEvaluationExportsFunction.Run))
            .Describe(E.Tag, "导出记录 Export records", "本街道的考核指标和评议成绩导出记录，最新的在前：谁（姓名、角色）、何时、导出什么（期间、单位或社区范围、格式）、文件名。只有街道组织方（管理员须指明街道）可以查看。" +
                "A street's evaluation exports, newest first: who, when, what, scope and file; the organizer's audit.", ApiAccess.Staff)
            .Query("street", "街道 Street (organizer: own; admin: required)").Query("take", "条数 How many (1–200, 50)", JsonSchemaType.Integer)
            .Gives(200, E.Exports).Refuses(400, 401, 403);
        app.MapFunction("ExportEvaluation", ExportEvaluationFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ExportEvaluationFunction.Run))
            .Describe(E.Tag, "导出 Excel Export", "导出 .xlsx（format=csv 时为 CSV：一张表，UTF-8 带 BOM）：what=indicators 为某期间的工单指标与共建指标（单位、社区、街道各一表，另附指标定义），what=scorecard 为某年度的评议成绩与所用方案。" +
                "中文表头，数值为数字；只有单位、社区和计数，不含个人信息。权限同查看；每次导出记入日志（谁、何时、导出什么）。" +
                "The indicators of a period or a year's scorecard as .xlsx, one sheet per level, numbers as numbers, nothing personal; each export is logged.", ApiAccess.Staff)
            .Query("what", "indicators（考核指标）或 scorecard（评议成绩）").Query("period", "统计期间 Period (indicators): 2026, 2026-Q3 or 2026-07")
            .Query("year", "年度 Year (scorecard)", JsonSchemaType.Integer).Query("street", "街道 Street (organizer: own; admin: required)")
            .Query("unit", "单位 Unit (liaison: own)").Query("community", "社区 Community").Query("format", "xlsx（默认）或 csv")
            .GivesContent(200, "Excel 文件，或 CSV。The workbook, or a CSV.", EvaluationWorkbook.ContentType, EvaluationWorkbook.CsvType).Refuses(400, 401, 403, 404);
    }
}
