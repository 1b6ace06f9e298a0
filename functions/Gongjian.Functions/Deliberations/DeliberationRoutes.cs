using Gongjian.Functions.Abuse;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Http.Contract;
using E = Gongjian.Functions.Deliberations.DeliberationExamples;

namespace Gongjian.Functions.Deliberations;

/// <summary>The deliberation API (议事, 提审议办评): staff endpoints with a key; raising, opinions, votes, ratings and progress for residents without.</summary>
public static class DeliberationRoutes
{
    public static void MapDeliberationFunctions(this WebApplication app)
    {
        app.MapFunction("RaiseDeliberation", RaiseDeliberationFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, RaiseDeliberationFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "提出议题 Raise a topic", "社区派单员（本社区）、街道组织员（本街道）记录议题（来源 staff、grid_worker，或代居民登记 resident 并附联系人）；联络员以本单位名义提出（unit）。" +
                "Staff record a topic (their own, a grid worker's, a resident's with contact); a liaison raises its unit's.", ApiAccess.Staff)
            .Takes(E.Raise).Gives(201, E.Deliberation).Refuses(400, 401, 403, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("RaisePublicDeliberation", RaisePublicDeliberationFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, RaisePublicDeliberationFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "居民提议题 A resident raises a topic", "无需密钥：社区、议题、情况说明、姓名和手机号（只给本社区工作人员看）。答复中的查询码只出现这一次。" +
                "No key: the resident's name and phone are for the community's staff only; the tracking code appears once.", ApiAccess.Anyone)
            .Takes(E.RaisePublic).Gives(201, E.RaisedAnswer).Refuses(400, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.Orders);
        app.MapFunction("ListDeliberations", ListDeliberationsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListDeliberationsFunction.Run))
            .Describe(E.Tag, "议事列表 List deliberations", "工作人员查看一个社区、街道或单位的议题（最新在前），只有计数，不含提议人信息。" +
                "Staff list the deliberations of a community, street or unit, newest first; counts only.", ApiAccess.Staff)
            .Query("community", "社区编号 Community id").Query("street", "街道编号 Street id").Query("unit", "单位编号 Unit id")
            .Gives(200, E.Page).Refuses(400, 401, 403);
        app.MapFunction("GetDeliberation", GetDeliberationFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetDeliberationFunction.Run))
            .Describe(E.Tag, "查看议题 Get a deliberation", "议题的全过程；提议居民的姓名电话只对本社区、街道工作人员显示，受邀或提议单位的联络员看到打码的。" +
                "The whole record; the raiser's contact unmasked for the community's and street's staff only.", ApiAccess.Staff)
            .Gives(200, E.Deliberation).Refuses(401, 403, 404);
        app.MapFunction("AcceptDeliberation", AcceptDeliberationFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, AcceptDeliberationFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "受理 Accept", "审：社区受理议题，进入议事。Review: accept the topic for deliberation.", ApiAccess.Staff)
            .Gives(200, E.Deliberation).Refuses(401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("DeclineDeliberation", DeclineDeliberationFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, DeclineDeliberationFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "不予受理 Decline", "审：说明理由不予受理（提议人凭查询码可见）。Review: decline with a reason the raiser sees.", ApiAccess.Staff)
            .Takes(E.Decline).Gives(200, E.Deliberation).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("AnswerDeliberation", AnswerDeliberationFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, AnswerDeliberationFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "直接答复 Answer", "审：不需要议事的，直接答复。Review: answer directly, no meeting needed.", ApiAccess.Staff)
            .Takes(E.Answer).Gives(200, E.Deliberation).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ScheduleDeliberation", ScheduleDeliberationFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ScheduleDeliberationFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "安排议事会 Schedule the meeting", "议：时间、地点、受邀各方（resident_reps、party_members、property_company、units）和共建单位；可附表决（事项、计票规则 simple_majority 或 two_thirds、截止时间）。" +
                "Deliberate: the meeting with its invited parties and units, optionally a vote with its counting rule and deadline.", ApiAccess.Staff)
            .Takes(E.Schedule).Gives(200, E.Deliberation).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("AddDeliberationOpinion", AddDeliberationOpinionFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, AddDeliberationOpinionFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "发表意见 Add an opinion", "议事会前后收集意见：居民无需密钥，留手机号（不公开）；工作人员可记录各方意见（authorKind）；联络员以本单位名义。意见中的电话、门牌号自动打码。" +
                "Opinions before and during the meeting: residents by phone (never shown), staff for any party, a liaison for its unit; phones and house numbers masked.", ApiAccess.Anyone)
            .Takes(E.Opinion).Gives(200, E.Deliberation).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("CastDeliberationVote", CastDeliberationVoteFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CastDeliberationVoteFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "表决 Vote", "居民凭手机号投票（for、against、abstain），每人一票，截止后不能再投；受邀共建单位的联络员以单位名义投票。" +
                "One vote per phone (or invited unit) before the deadline; a late or second vote is refused.", ApiAccess.Anyone)
            .Takes(E.Vote).Gives(200, E.Deliberation).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("CloseDeliberationVote", CloseDeliberationVoteFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CloseDeliberationVoteFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "结束表决 Close the vote", "表决截止后按计票规则计票（到时也会自动结束）。After its deadline, the vote is counted by its rule (the timer does it too).", ApiAccess.Staff)
            .Gives(200, E.Deliberation).Refuses(401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("RecordDeliberationDecision", RecordDeliberationDecisionFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, RecordDeliberationDecisionFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "记录决议 Record the decision", "议事会后记录会议纪要和决议，决议须落到工单（order：内容、类别、地点）或本街道已有项目（project）上，什么都不指向的决议会被拒绝。" +
                "Minutes and the decision, which must become orders or existing projects of the street; a decision referring to nothing is refused.", ApiAccess.Staff)
            .Takes(E.Decision).Gives(200, E.Deliberation).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("CreateDeliberationOrders", CreateDeliberationOrdersFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CreateDeliberationOrdersFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "决议转工单 Create orders", "办：把决议中尚未派出的事项转为工单（进入派单流程），互相关联；工单办结、取消会自动记入议题。答复中的工单查询码只出现一次。" +
                "Act: the decision's pending actions become orders (into dispatching), linked both ways; their ends are recorded on the deliberation.", ApiAccess.Staff)
            .Takes(E.CreateOrders).Gives(200, E.Created).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("RateDeliberation", RateDeliberationFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, RateDeliberationFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "评价 Rate", "评：决议办结后，居民凭手机号评价（1–5 星），每人一次。Evaluate: residents rate the delivered result, once per phone.", ApiAccess.Anyone)
            .Takes(E.Rating).Gives(200, E.Deliberation).Refuses(400, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("CloseDeliberation", CloseDeliberationFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CloseDeliberationFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "结束议题 Close", "办结并评价后，社区结束议题。Staff close a delivered deliberation.", ApiAccess.Staff)
            .Gives(200, E.Deliberation).Refuses(401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("DeliberationProgress", DeliberationProgressFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, DeliberationProgressFunction.Run))
            .Describe(E.Tag, "议题进度 Progress", "提议居民凭查询码（X-Tracking-Code）查看进度：到了哪一步、社区的答复、议事会和决议；不含任何他人信息。" +
                "The raiser follows the topic with its tracking code: the step, the reply, the meeting and the decision.", ApiAccess.Anyone)
            .Gives(200, E.Progress).Refuses(401, 403, 404, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("DeliberationsPage", DeliberationPagesFunction.StreetTrigger, t => app.MapMethods(t.Pattern, t.Methods, DeliberationPagesFunction.RunStreet))
            .Describe(E.Tag, "议事公开页面 Deliberations page", "公开网页：一个街道已形成决议的议题，进度和计数；不含任何姓名和电话。Public HTML page: a street's decided deliberations.", ApiAccess.Anyone)
            .GivesContent(200, "HTML 页面。The page.", "text/html");
        app.MapFunction("DeliberationPage", DeliberationPagesFunction.OneTrigger, t => app.MapMethods(t.Pattern, t.Methods, DeliberationPagesFunction.RunOne))
            .Describe(E.Tag, "议题公开页面 Deliberation page", "公开网页：一个已形成决议的议题的提审议办评全过程（匿名）；未形成决议或不存在时是 404 网页。" +
                "Public HTML page: one decided deliberation's whole record, anonymised; otherwise a 404 page.", ApiAccess.Anyone)
            .GivesContent(200, "HTML 页面。The page.", "text/html");
    }
}
