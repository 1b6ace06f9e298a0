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
    }
}
