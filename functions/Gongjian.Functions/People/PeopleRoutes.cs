using Gongjian.Functions.Abuse;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http.Contract;
using E = Gongjian.Functions.People.PeopleExamples;

namespace Gongjian.Functions.People;

/// <summary>The HTTP functions of 双报到 (issue 12, branch people), registered from FunctionRoutes in one line.</summary>
public static class PeopleRoutes
{
    public static void MapPeopleFunctions(this WebApplication app)
    {
        app.MapFunction("ReportUnit", ReportUnitFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ReportUnitFunction.Run))
            .Describe(E.Tag, "单位报到 Report a unit", "联络员为本单位向本街道的社区报到（每年每社区一次）：设岗定责的岗位、资源清单中的资源（编号）、全年服务项目数。" +
                "A liaison reports its unit to a community of its street for a year (once): posts, resources by id, service items.", ApiAccess.Staff)
            .Takes(E.Report).Gives(201, E.UnitReport).Refuses(400, 401, 403, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ListUnitReports", ListUnitReportsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListUnitReportsFunction.Run))
            .Describe(E.Tag, "单位报到列表 List unit reports", "联络员看本单位的；派单员看本社区的；组织方看本街道的（或某社区）。A liaison its unit's, staff their community's or street's.", ApiAccess.Staff)
            .Query("communityId", "社区 Community").Query("year", "年度 Year", Microsoft.OpenApi.JsonSchemaType.Integer)
            .Query("pageSize", "1–100，默认 20", Microsoft.OpenApi.JsonSchemaType.Integer).Query("pageToken", "上一页的 nextPageToken")
            .Gives(200, E.UnitReports).Refuses(400, 401, 403);
        app.MapFunction("GetUnitReport", GetUnitReportFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetUnitReportFunction.Run))
            .Describe(E.Tag, "查看单位报到 Get a unit report", "本单位联络员或本社区、街道的工作人员。The unit's liaison or staff in scope.", ApiAccess.Staff)
            .Gives(200, E.UnitReport).Refuses(401, 403, 404);
        app.MapFunction("AcceptUnitReport", AcceptUnitReportFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, AcceptUnitReportFunction.Run))
            .Describe(E.Tag, "接收报到 Accept a report", "社区工作人员接收单位报到（无需请求体）。The community's staff accept the report; no body.", ApiAccess.Staff)
            .Gives(200, E.UnitReport).Refuses(401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("MeetCommitment", MeetCommitmentFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, MeetCommitmentFunction.Run))
            .Describe(E.Tag, "承诺兑现 Mark a commitment met", "社区工作人员写明兑现情况；同一承诺只能确认一次（409 commitment_already_met）。Once per commitment.", ApiAccess.Staff)
            .Takes(E.Evidence).Gives(200, E.UnitReport).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);

        app.MapFunction("RegisterPerson", RegisterPersonFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, RegisterPersonFunction.Run))
            .Describe(E.Tag, "个人报到 Register a person", "在职党员或志愿者向居住地社区报到；同一手机号在同一社区只能报到一次（409）。答复中的查询码只出现这一次。" +
                "A party member or volunteer registers with their home community (once per phone and community); the code is shown only once.", ApiAccess.Anyone | ApiAccess.Staff)
            .Takes(E.Register).Gives(201, E.Person with { Code = "K7QP-3MXD", Status = "registered", StatusName = "待确认" }).Refuses(400, 401, 403, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.Orders);
        app.MapFunction("ListPeople", ListPeopleFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListPeopleFunction.Run))
            .Describe(E.Tag, "报到人员 List people", "本社区的报到人员；姓名、电话只对本社区派单员显示，街道组织方看到的是打码的。The community's people; contact masked outside it.", ApiAccess.Staff)
            .Query("communityId", "社区 Community").Query("pageSize", "1–100，默认 20", Microsoft.OpenApi.JsonSchemaType.Integer).Query("pageToken", "上一页的 nextPageToken")
            .Gives(200, E.People).Refuses(400, 401, 403);
        app.MapFunction("ExportPeople", ExportPeopleFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ExportPeopleFunction.Run))
            .Describe(E.Tag, "导出报到人员 Export people (CSV)", "本社区派单员导出本社区的报到人员及服务时长。The community's own dispatcher exports its people with hours.", ApiAccess.Staff)
            .Query("communityId", "社区 Community").GivesContent(200, "CSV（UTF-8，带 BOM）。", "text/csv").Refuses(400, 401, 403);
        app.MapFunction("GetPerson", GetPersonFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetPersonFunction.Run))
            .Describe(E.Tag, "我的报到 Get a person's record", "本人凭查询码（X-Tracking-Code），或本社区、街道的工作人员：队伍、岗位、服务时长和积分。" +
                "The person with their code, or staff in scope: teams, posts, hours and points.", ApiAccess.Resident | ApiAccess.Staff)
            .Gives(200, E.Person).Refuses(401, 403, 404, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("ConfirmPerson", ConfirmPersonFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ConfirmPersonFunction.Run))
            .Describe(E.Tag, "确认报到 Confirm a person", "社区工作人员确认（无需请求体）。The community's staff confirm; no body.", ApiAccess.Staff)
            .Gives(200, E.Person).Refuses(401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("JoinTeam", JoinTeamFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, JoinTeamFunction.Run))
            .Describe(E.Tag, "加入队伍 Join a team", "本人或工作人员；队伍见社区队伍列表。The person or staff; teams as listed for the community.", ApiAccess.Resident | ApiAccess.Staff)
            .Takes(E.Team).Gives(200, E.Person).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("TakePost", TakePostFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, TakePostFunction.Run))
            .Describe(E.Tag, "认领岗位 Take a post", "本人或工作人员。The person or staff.", ApiAccess.Resident | ApiAccess.Staff)
            .Takes(E.Post).Gives(200, E.Person).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("LogHours", LogHoursFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, LogHoursFunction.Run))
            .Describe(E.Tag, "登记服务时长 Log service hours", "工作人员登记：日期（不能是将来）、时长（每天合计 0–24 小时）、服务内容；同一 Idempotency-Key 重发为 409 hours_already_logged。" +
                "Staff log a date, hours (0 < h, ≤ 24 a day) and what; a replayed key is 409.", ApiAccess.Staff)
            .Takes(E.Hours).Gives(200, E.Person).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ListTeams", ListTeamsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListTeamsFunction.Run))
            .Describe(E.Tag, "社区队伍 List a community's teams", "常设队伍和社区成立的队伍，及人数（不含姓名）；已停用的只对本社区工作人员列出。" +
                "The standing teams and those the community set up, with member counts, no names; retired ones only to the community's staff.", ApiAccess.Anyone)
            .Gives(200, E.Teams).Refuses(400);
        app.MapFunction("CreateTeam", CreateTeamFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CreateTeamFunction.Run))
            .Describe(E.Tag, "成立队伍 Set up a team", "本社区派单员、街道组织方或管理员成立新队伍：名称 2–20 字，简介可选（≤ 100 字），都会公开显示，不能含电话、证件号或门牌号；同名为 409 team_exists。" +
                "The community's staff set up a team (public name and purpose, nothing personal); the same name twice is 409.", ApiAccess.Staff)
            .Takes(E.NewTeam).Gives(201, E.CreatedTeam).Refuses(400, 401, 403, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("RetireTeam", RetireTeamFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, RetireTeamFunction.Run))
            .Describe(E.Tag, "停用队伍 Retire a team", "停用社区成立的队伍（无需请求体）：不再接收新队员，队员的记录保留；常设队伍不能停用。" +
                "A set-up team takes no one new; members keep it on their record; standing teams cannot be retired.", ApiAccess.Staff)
            .GivesContent(204, "已停用。Retired.").Refuses(400, 401, 403, 404, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
    }
}
