using Gongjian.Functions.Abuse;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http.Contract;
using Gongjian.Functions.Resources;
using E = Gongjian.Functions.Needs.ListsExamples;

namespace Gongjian.Functions.Needs;

/// <summary>The HTTP functions of 需求清单 and 资源清单 and their matching (issue 11), registered from FunctionRoutes in one line.</summary>
public static class ListsRoutes
{
    public static void MapNeedAndResourceFunctions(this WebApplication app)
    {
        app.MapFunction("RecordNeed", RecordNeedFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, RecordNeedFunction.Run))
            .Describe(E.NeedsTag, "记录需求 Record a need", "社区派单员（本社区）或街道组织方（本街道的社区，communityId）记录需求：类别、描述（电话、证件号、门牌号自动打码）、受益人群和人数。" +
                "A dispatcher (its community) or organizer (a community of its street) records a need; the description is masked like an order's text.", ApiAccess.Staff)
            .Takes(E.Record).Gives(201, E.Need).Refuses(400, 401, 403, 413, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("PromoteNeed", PromoteNeedFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, PromoteNeedFunction.Run))
            .Describe(E.NeedsTag, "转入需求清单 Promote an order or wish", "把居民的工单或微心愿（一次性维修除外）转为需求；同一来源只能转一次（409 already_promoted）。居民的姓名、电话、地址不会带入。" +
                "Promotes a resident's order or wish (not a one-off repair) to a need, once per source; the resident's contact is masked out.", ApiAccess.Staff)
            .Takes(E.Promote).Gives(201, E.Need).Refuses(400, 401, 403, 404, 409, 413, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ListNeeds", ListNeedsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListNeedsFunction.Run))
            .Describe(E.NeedsTag, "需求列表 List needs", "一个社区、街道或单位（已对接给它的）的需求，最新的在前，分页；可按 status、category、year 筛选。" +
                "A community's, street's or unit's needs, newest first, paged; filters `status`, `category`, `year` (a unit's met needs per year are records for evaluation).", ApiAccess.Staff)
            .Query("communityId", "社区 Community").Query("streetId", "街道 Street").Query("unitId", "单位 Unit").Query("status", "open | matched | met | closed")
            .Query("category", "类别代码 Category code").Query("year", "创建年份 Year created", Microsoft.OpenApi.JsonSchemaType.Integer)
            .Query("pageSize", "1–100，默认 20", Microsoft.OpenApi.JsonSchemaType.Integer).Query("pageToken", "上一页的 nextPageToken")
            .Gives(200, E.Needs).Refuses(400, 401, 403);
        app.MapFunction("GetNeed", GetNeedFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetNeedFunction.Run))
            .Describe(E.NeedsTag, "查看需求 Get a need", "本范围内的工作人员，或已对接的单位联络员。Staff in scope, or the liaison of the matched unit.", ApiAccess.Staff)
            .Gives(200, E.Need).Refuses(401, 403, 404);
        app.MapFunction("MatchNeed", MatchNeedFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, MatchNeedFunction.Run))
            .Describe(E.NeedsTag, "对接 Match", "把需求对接给本街道的成员单位和/或项目，单位会收到通知。Match the need to a unit of the street and/or a project; the unit is notified.", ApiAccess.Staff)
            .Takes(E.Match).Gives(200, E.Need).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("MeetNeed", MeetNeedFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, MeetNeedFunction.Run))
            .Describe(E.NeedsTag, "需求已满足 Mark met", "text 写明如何满足。`text` says how it was met.", ApiAccess.Staff)
            .Takes(E.Text).Gives(200, E.Need).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("CloseNeed", CloseNeedFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CloseNeedFunction.Run))
            .Describe(E.NeedsTag, "关闭需求 Close", "text 为关闭原因。`text` is the reason.", ApiAccess.Staff)
            .Takes(E.Text).Gives(200, E.Need).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("SuggestForNeed", SuggestForNeedFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, SuggestForNeedFunction.Run))
            .Describe(E.NeedsTag, "推荐单位 Suggest units for a need", "资源类别相符、覆盖该社区（场地须容纳全部受益人）的单位，排序并附理由。" +
                "Units whose active resources fit (category, coverage, venue capacity), ranked, each with a reason.", ApiAccess.Staff)
            .Gives(200, E.Suggestions).Refuses(401, 403, 404, 409);
        app.MapFunction("SuggestForProject", SuggestForProjectFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, SuggestForProjectFunction.Run))
            .Describe(Projects.ProjectExamples.Tag, "推荐单位 Suggest units for a project", "按项目类别和社区（全街道项目不限社区）匹配资源，已认领的单位不列出。" +
                "Units whose active resources fit the project's category and community; units holding a place are left out.", ApiAccess.Staff)
            .Gives(200, E.Suggestions with { For = "project", Id = "pj0123456789ab" }).Refuses(401, 403, 404, 409);

        app.MapFunction("OfferResource", OfferResourceFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, OfferResourceFunction.Run))
            .Describe(E.ResourcesTag, "登记资源 Offer a resource", "联络员为本单位登记；街道组织方或管理员可代单位登记（unitId）。场地须填容纳人数和开放时间，志愿者须填人数；不填覆盖社区即全街道。" +
                "A liaison lists its own unit's resource (an organizer or admin names `unitId`); a venue needs capacity and opening hours, volunteers a count.", ApiAccess.Staff)
            .Takes(E.Offer).Gives(201, E.Resource).Refuses(400, 401, 403, 409, 413, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ListResources", ListResourcesFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListResourcesFunction.Run))
            .Describe(E.ResourcesTag, "资源列表 List resources", "联络员看本单位的；派单员和组织方看本街道的（或某社区、某单位的），分页；可按 status、kind、category、year 筛选。" +
                "A liaison its unit's; staff their street's (or a community's or unit's), paged.", ApiAccess.Staff)
            .Query("communityId", "社区 Community").Query("streetId", "街道 Street").Query("unitId", "单位 Unit").Query("status", "active | retired")
            .Query("kind", "venue | service | volunteers | materials | funds").Query("category", "类别代码 Category code")
            .Query("year", "登记年份 Year listed", Microsoft.OpenApi.JsonSchemaType.Integer)
            .Query("pageSize", "1–100，默认 20", Microsoft.OpenApi.JsonSchemaType.Integer).Query("pageToken", "上一页的 nextPageToken")
            .Gives(200, E.Resources).Refuses(400, 401, 403);
        app.MapFunction("GetResource", GetResourceFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetResourceFunction.Run))
            .Describe(E.ResourcesTag, "查看资源 Get a resource", "响应带 `ETag`，修改或下架时作为 `If-Match` 发回。The `ETag` goes back as `If-Match` on an edit.", ApiAccess.Staff)
            .Gives(200, E.Resource).Refuses(401, 403, 404);
        app.MapFunction("EditResource", EditResourceFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, EditResourceFunction.Run))
            .Describe(E.ResourcesTag, "修改资源 Edit a resource", "整条重写，检查与登记时相同；带 `If-Match` 时若已被他人修改则为 412 `resource_changed`。" +
                "Replaces the entry; with `If-Match`, an entry changed meanwhile is `412 resource_changed`.", ApiAccess.Staff)
            .Takes(E.Offer).Gives(200, E.Resource).Refuses(400, 401, 403, 404, 409, 412, 413, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("RetireResource", RetireResourceFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, RetireResourceFunction.Run))
            .Describe(E.ResourcesTag, "下架资源 Retire a resource", "text 为原因；下架后不再参与匹配，记录保留。`text` is the reason; it is no longer matched, its record stays.", ApiAccess.Staff)
            .Takes(E.Retire).Gives(200, E.Resource with { Status = "retired", StatusName = "已下架", RetiredReason = E.Retire.Text, Version = 2 })
            .Refuses(400, 401, 403, 404, 409, 412, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
    }
}
