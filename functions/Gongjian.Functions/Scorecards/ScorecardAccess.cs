using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Scorecards;

/// <summary>Who may change a street's 年度评议 (its scheme, the manual points, publishing) and read its export records: its organizer, or an admin naming the street.</summary>
public static class ScorecardAccess
{
    public const string ChangeRefusal = "只有街道组织方可以制定评议方案、录入评议分和发布成绩。";

    public static string OrganizerStreet(Caller caller, CommunityDirectory.Snapshot snapshot, string? street, string refusal = ChangeRefusal)
    {
        switch (caller.Role)
        {
            case ActorRole.Organizer when street is null || street == caller.Scope:
                return caller.Scope;
            case ActorRole.Organizer:
                throw ApiProblem.Forbidden("outside_scope", "只能管理本街道的年度评议。");
            case ActorRole.Admin:
                if (street is null) throw ApiProblem.BadRequest("street_required", "请指明街道（street）。", "street");
                return snapshot.Streets.ContainsKey(street) ? street : throw ApiProblem.BadRequest("unknown_street", "街道不存在，请检查街道编号。", "street");
            default:
                throw ApiProblem.Forbidden("organizer_only", refusal);
        }
    }

    public static int Year(int year, DateTimeOffset now)
    {
        if (year is < 2000 or > 2099) throw ApiProblem.BadRequest("invalid_year", "年份格式不正确，请写成 2026。", "year");
        return year > now.ToOffset(Domain.Evaluation.EvaluationPeriod.Beijing).Year
            ? throw ApiProblem.BadRequest("period_in_future", "统计期间还没有开始。", "year") : year;
    }
}
