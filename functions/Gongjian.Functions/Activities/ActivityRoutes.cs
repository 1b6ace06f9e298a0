using Gongjian.Functions.Abuse;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Http.Contract;
using E = Gongjian.Functions.Activities.ActivityExamples;

namespace Gongjian.Functions.Activities;

/// <summary>The activity API (活动预告与报名): the organiser's endpoints with a staff key, registration and the public list without.</summary>
public static class ActivityRoutes
{
    public static void MapActivityFunctions(this WebApplication app)
    {
        app.MapFunction("AnnounceActivity", AnnounceActivityFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, AnnounceActivityFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "发布活动 Announce an activity", "社区派单员（本社区）、街道组织员（本街道）以社区或街道名义，成员单位联络员以本单位名义发布活动：时间、地点、名额、报名截止和报名对象。" +
                "A community's dispatcher, the street's organizer or a unit's liaison announces an activity.", ApiAccess.Staff)
            .Takes(E.Announce).Gives(201, E.Activity).Refuses(400, 401, 403, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ListActivities", ListActivitiesFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListActivitiesFunction.Run))
            .Describe(E.Tag, "活动列表 List activities", "工作人员查看一个社区、街道或单位的活动（按开始时间），只有人数，不含报名人信息。" +
                "Staff list the activities of a community, street or unit, soonest first; counts only.", ApiAccess.Staff)
            .Query("community", "社区编号 Community id").Query("street", "街道编号 Street id").Query("unit", "单位编号 Unit id")
            .Query("from", "只列此时或之后结束的活动（ISO 8601，例如 2026-03-01T00:00:00+08:00）Only activities ending at or after this time")
            .Gives(200, E.Page).Refuses(400, 401, 403);
        app.MapFunction("ListPublicActivities", ListPublicActivitiesFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListPublicActivitiesFunction.Run))
            .Describe(E.Tag, "活动预告 Upcoming activities", "公开：一个社区尚未结束的活动及名额、已报名和候补人数，不含任何姓名和电话。" +
                "Public: a community's coming activities with counts, never a name or phone.", ApiAccess.Anyone)
            .Query("community", "社区编号 Community id").Gives(200, E.Page).Refuses(400);
        app.MapFunction("GetActivity", GetActivityFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetActivityFunction.Run))
            .Describe(E.Tag, "查看活动 Get an activity", "活动详情和报名名单；姓名和电话只对主办方（本社区、街道工作人员，单位活动的联络员）显示，其他工作人员看到打码的。" +
                "The activity and its participants; names and phones unmasked for the organiser only.", ApiAccess.Staff)
            .Gives(200, E.Activity).Refuses(401, 403, 404);
        app.MapFunction("ReviseActivity", ReviseActivityFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ReviseActivityFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "修改活动 Revise", "活动开始前，主办方修改活动名称、类别、介绍和地点（时间、名额和报名对象不变；要改请取消后重新发布）；地点变了会通知报名人。" +
                "Before the start, the organiser corrects name, category, introduction and place; a new place is told to those who registered.", ApiAccess.Staff)
            .Takes(E.Revise).Gives(200, E.Activity).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("CancelActivity", CancelActivityFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CancelActivityFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "取消活动 Cancel", "主办方说明原因取消活动，社区工作人员收到通知以告知报名人。The organiser cancels the activity with a reason.", ApiAccess.Staff)
            .Takes(E.Cancel).Gives(200, E.Activity).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("CheckInActivity", CheckInFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CheckInFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "签到 Check in", "主办方按名单（personKey）或报名人手机上的签到码（code）为已报名的人签到，二选一。" +
                "The organiser checks a registered person in, by person key or by check-in code.", ApiAccess.Staff)
            .Takes(E.CheckIn).Gives(200, E.Activity).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("RecordActivityAttendance", RecordAttendanceFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, RecordAttendanceFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "登记出勤 Record attendance", "活动结束后，主办方为已报名的人登记时长（每人不超过活动时长），计入志愿时长和考核记录；可附活动照片（最多 9 张，去除 EXIF/GPS）。" +
                "After the end, the organiser records hours per registered person (at most the activity's duration), with optional photos (EXIF/GPS stripped).", ApiAccess.Staff)
            .Takes(E.Attendance).Gives(200, E.Activity).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("RegisterForActivity", RegisterForActivityFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, RegisterForActivityFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "报名 Register", "无需密钥：填写姓名、手机号和身份（residents、party_members、volunteers、units）。有名额时“已报名”，满员时“候补第N位”；" +
                "答复中的报名码（取消用）和签到码只出现这一次。No key: a place while any is free, else the waiting list; the registration and check-in codes appear once.",
                ApiAccess.Anyone)
            .Takes(E.Register).Gives(201, E.Registered).Refuses(400, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.Orders);
        app.MapFunction("CancelActivityRegistration", CancelRegistrationFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CancelRegistrationFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "取消报名 Cancel a registration", "无需密钥：手机号和报名码；候补第一位自动递补。No key: phone and registration code; the first waiting person moves up.",
                ApiAccess.Anyone)
            .Takes(E.CancelRegistration).Gives(200, E.Cancelled).Refuses(400, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);

        app.MapFunction("GetActivityTimeline", ActivityTimelineFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ActivityTimelineFunction.Run))
            .Describe(E.Tag, "活动记录 Activity timeline", "活动从发布起的每一步（报名、候补、递补、截止、签到、出勤、取消）及当时的人数；报名人姓名只对主办方显示，其他工作人员看到打码的，从不含电话。" +
                "Every step of the activity with the counts it left; names for the organiser only (masked for other staff), never phones.", ApiAccess.Staff)
            .Gives(200, E.Timeline).Refuses(401, 403, 404);
        app.MapFunction("ActivitiesPage", ActivitiesPageFunction.StreetTrigger, t => app.MapMethods(t.Pattern, t.Methods, ActivitiesPageFunction.RunStreet))
            .Describe(E.Tag, "活动预告页面 Activities page", "公开网页：一个街道尚未结束的活动，时间、地点、名额、已报名和候补人数，以及怎么在聊天里报名；不含任何姓名和电话；街道不存在时是 404 网页。" +
                "Public HTML page: a street's coming activities with counts and how to register by chat, no personal data; an unknown street is a 404 HTML page.",
                ApiAccess.Anyone)
            .GivesContent(200, "HTML 页面。The page.", "text/html");
        app.MapFunction("CommunityActivitiesPage", ActivitiesPageFunction.CommunityTrigger, t => app.MapMethods(t.Pattern, t.Methods, ActivitiesPageFunction.RunCommunity))
            .Describe(E.Tag, "社区活动预告页面 Community activities page", "公开网页：一个社区尚未结束的活动（同上）；社区不属于该街道或不存在时是 404 网页。" +
                "Public HTML page: one community's coming activities, as above; an unknown community is a 404 HTML page.", ApiAccess.Anyone)
            .GivesContent(200, "HTML 页面。The page.", "text/html");
        app.MapFunction("ShowcaseActivity", ShowcaseActivityFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ShowcaseActivityFunction.Run))
            .Describe(E.Tag, "设为活动风采 Showcase an activity", "登记出勤后，主办方把活动放进公开页面的“活动风采”：参加人数、服务时长和照片，不含姓名电话。" +
                "After the attendance, the organiser shows the activity on the public page (counts, hours, photos; no names).", ApiAccess.Staff)
            .Gives(200, E.Activity).Refuses(401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("GetActivityPhoto", GetActivityPhotoFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetActivityPhotoFunction.Run))
            .Describe(E.Tag, "活动照片 Activity photo", "登记出勤时上传的照片（已去除 EXIF/GPS）：工作人员随时可看；设为活动风采后公开。" +
                "An attendance photo: for staff at any time; public once the activity is showcased.", ApiAccess.Anyone)
            .GivesContent(200, "照片。The photo.", "image/jpeg", "image/png", "image/webp").Refuses(401, 404);
    }
}
