using Gongjian.Bot.Chat;
using Gongjian.Bot.DirectLine;
using Gongjian.Bot.Http;
using Gongjian.Bot.Pipeline;
using Gongjian.Domain.Orders;
using Gongjian.Functions.BotDesk;
using Gongjian.Functions.Abuse;
using Gongjian.Functions.Communities;
using Gongjian.Functions.ContactAudit;
using Gongjian.Functions.Dispatching;
using Gongjian.Functions.Engine;
using Gongjian.Functions.Http;
using Gongjian.Functions.Http.Contract;
using Gongjian.Functions.Open311;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Sessions;
using Gongjian.Functions.Showcases;
using Gongjian.Functions.Showcases.Pages;
using Gongjian.Functions.StaffConsole;
using Gongjian.Functions.Streets;
using Microsoft.OpenApi;

namespace Gongjian.Functions.Hosting;

/// <summary>The one list of HTTP functions. Each line declares a function and maps its route.</summary>
public static class FunctionRoutes
{
    public static void MapFunctions(this WebApplication app)
    {
        // Each HTTP function with its contract (feature, who may call it, body, answers, refusals): what /api/openapi.json publishes.
        app.MapFunction("PlaceOrder", PlaceOrderFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, PlaceOrderFunction.Run)).WithIdempotencyKey()
            .Describe(ApiTags.Orders, "居民点单 Place an order", "居民提出心愿或问题；派单员也可代本社区居民点单。答复中的查询码只出现这一次。" +
                "A resident (no key) or the community's dispatcher places an order; the answer carries the tracking code, shown only once. " +
                "`photos`: before-photos, base64 JPEG/PNG/WebP ≤ 10 MB each (EXIF/GPS stripped).", ApiAccess.Anyone | ApiAccess.Staff)
            .Takes(ApiExamples.PlaceOrder).Gives(201, ApiExamples.PlacedOrder).Refuses(400, 401, 403, 413, 415, 422, 429)
            .RequireRateLimiting(RateLimitPolicies.Orders);
        app.MapFunction("ListOrders", ListOrdersFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListOrdersFunction.Run))
            .Describe(ApiTags.Orders, "工单列表 List orders", "工作人员查看本范围内的工单，最新的在前，分页。Staff list the orders of their scope, newest first; " +
                "filters `status`, `category`; admins name `communityId`, `unitId` or `streetId`; next page with `pageToken`.", ApiAccess.Staff)
            .Query("status", "状态 Status: placed, dispatched, accepted, completed, confirmed, declined, reopened, cancelled, rejected")
            .Query("category", "服务类别 Category code, e.g. repair").Query("pageSize", "每页条数 Page size, 1–100 (20)", JsonSchemaType.Integer)
            .Query("pageToken", "下一页 `nextPageToken` of the previous page").Query("communityId", "社区 Community (dispatcher: own; organizer, admin)")
            .Query("unitId", "单位 Unit (liaison: own; admin)").Query("streetId", "街道 Street (organizer: own; admin)")
            .Gives(200, ApiExamples.Orders).Refuses(400, 401, 403);
        app.MapFunction("GetOrder", GetOrderFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetOrderFunction.Run))
            .Describe(ApiTags.Orders, "查看工单 Get an order", "工单详情和处理时间线；电话和地址只对需要的人显示（其余打码）。" +
                "An order with its timeline, for staff in scope or the resident with its tracking code; phone and address masked unless the caller needs them.",
                ApiAccess.Resident | ApiAccess.Staff)
            .Gives(200, ApiExamples.Order).Refuses(401, 403, 404);
        app.MapFunction("GetOrderPhoto", GetOrderPhotoFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetOrderPhotoFunction.Run))
            .Describe(ApiTags.Orders, "工单照片 Get an order photo", "工单的处理前或办结照片（已去除 EXIF/GPS）。A before- or after-photo, to those who may see the order.",
                ApiAccess.Resident | ApiAccess.Staff)
            .GivesContent(200, "照片。The photo.", "image/jpeg", "image/png", "image/webp").Refuses(401, 403, 404);
        app.MapFunction("DispatchOrder", DispatchOrderFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, DispatchOrderFunction.Run))
            .Describe(ApiTags.Orders, "社区派单 Dispatch", "社区派单员把工单派给成员单位，可改类别、附说明。The community's dispatcher routes the order to a member unit.", ApiAccess.Staff)
            .Takes(ApiExamples.Dispatch).Gives(200, ApiExamples.Order).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("AcceptOrder", AcceptOrderFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, AcceptOrderFunction.Run))
            .Describe(ApiTags.Orders, "单位接单 Accept", "单位联络员接单（无需请求体）。The unit's liaison takes the order on; no body.", ApiAccess.Staff)
            .Gives(200, ApiExamples.OrderIn(OrderStatus.Accepted)).Refuses(401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("DeclineOrder", DeclineOrderFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, DeclineOrderFunction.Run))
            .Describe(ApiTags.Orders, "单位拒单 Decline", "单位说明理由后退回，工单回到派单员。The unit refuses with a reason; the order goes back to the dispatcher.", ApiAccess.Staff)
            .Takes(ApiExamples.Decline).Gives(200, ApiExamples.OrderIn(OrderStatus.Declined)).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("CompleteOrder", CompleteOrderFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CompleteOrderFunction.Run))
            .Describe(ApiTags.Orders, "办结 Complete", "单位上报办结：说明和至少一张办结照片（base64）。The unit reports the work done: a note and at least one after-photo, base64.", ApiAccess.Staff)
            .Takes(ApiExamples.Complete).Gives(200, ApiExamples.OrderIn(OrderStatus.Completed)).Refuses(400, 401, 403, 404, 409, 413, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ConfirmOrder", ConfirmOrderFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ConfirmOrderFunction.Run))
            .Describe(ApiTags.Orders, "居民评价 Confirm and rate", "居民确认办结并评分（1–5）。The resident confirms the work and rates it 1–5.", ApiAccess.Resident)
            .Takes(ApiExamples.Confirm).Gives(200, ApiExamples.OrderIn(OrderStatus.Confirmed)).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("ReopenOrder", ReopenOrderFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ReopenOrderFunction.Run))
            .Describe(ApiTags.Orders, "重新办理 Reopen", "居民不满意，说明理由，工单回到原单位。The resident is not satisfied; the order returns to the same unit.", ApiAccess.Resident)
            .Takes(ApiExamples.Reopen).Gives(200, ApiExamples.OrderIn(OrderStatus.Reopened)).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("CancelOrder", CancelOrderFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CancelOrderFunction.Run))
            .Describe(ApiTags.Orders, "居民取消 Cancel", "单位接单前，居民可以取消（理由可选）。The resident withdraws the order before a unit accepts it; the reason is optional.", ApiAccess.Resident)
            .Takes(ApiExamples.Cancel, optional: true).Gives(200, ApiExamples.OrderIn(OrderStatus.Cancelled)).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("RejectOrder", RejectOrderFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, RejectOrderFunction.Run))
            .Describe(ApiTags.Orders, "不予受理 Reject", "派单员不予受理，理由会告知居民。The dispatcher refuses the order with a reason the resident reads.", ApiAccess.Staff)
            .Takes(ApiExamples.Reject).Gives(200, ApiExamples.OrderIn(OrderStatus.Rejected)).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("EraseOrder", EraseOrderFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, EraseOrderFunction.Run))
            .Describe(ApiTags.Orders, "删除个人信息 Erase personal data", "已关闭的工单：居民（查询码）或管理员删除姓名、电话、地址、诉求原文和处理前照片（PIPL）。" +
                "Erases the resident's personal data of a closed order; the reason is optional.", ApiAccess.Resident | ApiAccess.Staff)
            .Takes(ApiExamples.Erase, optional: true).Gives(200, ApiExamples.OrderIn(OrderStatus.Cancelled)).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("PublishShowcase", PublishShowcaseFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, PublishShowcaseFunction.Run))
            .Describe(ApiTags.Showcases, "组织晒单 Publish a showcase", "街道组织方把已办结的工单（1–20 个）匿名公开；标题和故事中不得含居民姓名、地址、电话。" +
                "The street's organizer publishes finished orders as an anonymised story; a retry of the same publication answers the same showcase.", ApiAccess.Staff)
            .Takes(ApiExamples.Publish).Gives(201, ApiExamples.Showcase).Refuses(400, 401, 403, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ListShowcases", ListShowcasesFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListShowcasesFunction.Run))
            .Describe(ApiTags.Showcases, "晒单列表 List showcases", "公开：已发布的晒单，最新的在前，可按 `streetId` 筛选。Public: published showcases, newest first.", ApiAccess.Anyone)
            .Gives(200, ApiExamples.Showcases);
        app.MapFunction("GetShowcase", GetShowcaseFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetShowcaseFunction.Run))
            .Describe(ApiTags.Showcases, "查看晒单 Get a showcase", "公开：一条晒单；已撤回的为 410。Public: one showcase; a withdrawn one is 410.", ApiAccess.Anyone)
            .Gives(200, ApiExamples.Showcase).Refuses(404, 410);
        app.MapFunction("GetShowcasePhoto", GetShowcasePhotoFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetShowcasePhotoFunction.Run))
            .Describe(ApiTags.Showcases, "晒单照片 Get a showcase photo", "公开：按序号取晒单的办结照片。Public: an after-photo of a showcase, by position.", ApiAccess.Anyone)
            .GivesContent(200, "照片。The photo.", "image/jpeg", "image/png", "image/webp").Refuses(404);
        app.MapFunction("StreetShowcasesPage", StreetShowcasesPageFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, StreetShowcasesPageFunction.Run))
            .Describe(ApiTags.Showcases, "街道晒单页面 Street showcases page", "公开网页：一个街道已发布的晒单，最新的在前，每页 10 篇（`?page=2`）；无需脚本，可分享到微信；街道或页码不存在时是 404 网页。" +
                "Public HTML page: a street's showcases, newest first, with link-preview tags; an unknown street or page is a 404 HTML page.", ApiAccess.Anyone)
            .Query("page", "页码 Page number (1)", JsonSchemaType.Integer)
            .GivesContent(200, "HTML 页面。The page.", "text/html");
        app.MapFunction("ShowcasePage", ShowcasePageFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ShowcasePageFunction.Run))
            .Describe(ApiTags.Showcases, "晒单页面 Showcase page", "公开网页：一篇晒单，匿名内容与 `GET /api/showcases/{id}` 相同；不存在时是 404 网页。" +
                "Public HTML page: one showcase, the same anonymised view as the JSON, with link-preview tags; an unknown one is a 404 HTML page.", ApiAccess.Anyone)
            .GivesContent(200, "HTML 页面。The page.", "text/html");
        app.MapFunction("ListUnits", ListUnitsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListUnitsFunction.Run))
            .Describe(ApiTags.Directory, "成员单位 List member units", "可按服务类别和社区筛选：派单员据此选择单位；`includeRetired=true` 连同已退出的单位（带 `retiredAt`）。" +
                "Member units, optionally those serving a category in a community; `includeRetired=true` adds retired ones (with `retiredAt`).", ApiAccess.Anyone)
            .Gives(200, ApiExamples.Units).Refuses(400);
        app.MapFunction("CreateUnit", CreateUnitFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CreateUnitFunction.Run))
            .Describe(ApiTags.Directory, "添加成员单位 Add a member unit", "本街道组织方或管理员添加成员单位。The street's organizer or an admin adds a member unit.", ApiAccess.Staff)
            .Takes(ApiExamples.CreateUnit).Gives(201, ApiExamples.CreatedUnit).Refuses(400, 401, 403, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ListCommunities", ListCommunitiesFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListCommunitiesFunction.Run))
            .Describe(ApiTags.Directory, "社区列表 List communities", "公开：可以点单的社区；`includeRetired=true` 连同已停止受理的社区（带 `retiredAt`）。" +
                "Public: the communities residents can place orders in; `includeRetired=true` adds the retired ones (with `retiredAt`).", ApiAccess.Anyone)
            .Gives(200, ApiExamples.Communities);
        // 项目清单 (functions/Gongjian.Functions/Projects).
        app.MapFunction("CreateProject", Projects.CreateProjectFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Projects.CreateProjectFunction.Run))
            .Describe(Projects.ProjectExamples.Tag, "发布项目 Create a project", "街道组织员（本街道）或社区派单员（本社区）起草服务项目：类别、目标、关联需求、周期、需要的单位数和节点。" +
                "An organizer (its street) or dispatcher (its community) drafts a project; milestone ids are m1, m2… in order.", ApiAccess.Staff)
            .Takes(Projects.ProjectExamples.Create).Gives(201, Projects.ProjectExamples.Project).Refuses(400, 401, 403, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ListProjects", Projects.ListProjectsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Projects.ListProjectsFunction.Run))
            .Describe(Projects.ProjectExamples.Tag, "项目列表 List projects", "一个街道、社区或单位的项目，最新的在前；联络员和派单员看街道列表时不含草稿。" +
                "One list — a street's, a community's or a unit's — newest first; drafts only to those who manage them.", ApiAccess.Staff)
            .Query("streetId", "街道 Street").Query("communityId", "社区 Community").Query("unitId", "单位 Unit (liaison: own)")
            .Gives(200, Projects.ProjectExamples.Page).Refuses(400, 401, 403);
        app.MapFunction("GetProject", Projects.GetProjectFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Projects.GetProjectFunction.Run))
            .Describe(Projects.ProjectExamples.Tag, "查看项目 Get a project", "项目、节点进展和认领；联络员只看到本单位的认领和已通过的认领。" +
                "A project with milestones, reports and claims; a liaison sees its own claims and the approved ones.", ApiAccess.Staff)
            .Gives(200, Projects.ProjectExamples.Project).Refuses(401, 403, 404);
        app.MapFunction("PublishProject", Projects.PublishProjectFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Projects.PublishProjectFunction.Run))
            .Describe(Projects.ProjectExamples.Tag, "发布 Publish", "管理该项目的工作人员发布草稿，单位即可认领（无需请求体）。Staff publish a draft; no body.", ApiAccess.Staff)
            .Gives(200, Projects.ProjectExamples.Project).Refuses(401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("StartProject", Projects.StartProjectFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Projects.StartProjectFunction.Run))
            .Describe(Projects.ProjectExamples.Tag, "开始实施 Start", "至少一个认领通过后开始实施，节点催办和督办随之开始（无需请求体）。Staff start it once a claim is approved; no body.", ApiAccess.Staff)
            .Gives(200, Projects.ProjectExamples.Project).Refuses(401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("CloseProject", Projects.CloseProjectFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Projects.CloseProjectFunction.Run))
            .Describe(Projects.ProjectExamples.Tag, "结项 Close", "工作人员结项，text 为结项总结。Staff close the project; `text` is the summary.", ApiAccess.Staff)
            .Takes(Projects.ProjectExamples.Text).Gives(200, Projects.ProjectExamples.Project).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("CancelProject", Projects.CancelProjectFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Projects.CancelProjectFunction.Run))
            .Describe(Projects.ProjectExamples.Tag, "取消项目 Cancel", "工作人员取消项目，text 为原因。Staff cancel the project; `text` is the reason.", ApiAccess.Staff)
            .Takes(Projects.ProjectExamples.Text).Gives(200, Projects.ProjectExamples.Project).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ClaimProject", Projects.ClaimProjectFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Projects.ClaimProjectFunction.Run))
            .Describe(Projects.ProjectExamples.Tag, "认领项目 Claim", "成员单位联络员为本单位认领，写明承诺和完成时间；名额满时答复 409 project_full。" +
                "A liaison claims for its own unit with a commitment; when no place is left: 409 `project_full`.", ApiAccess.Staff)
            .Takes(Projects.ProjectExamples.Claim).Gives(200, Projects.ProjectExamples.Project).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ApproveClaim", Projects.ApproveClaimFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Projects.ApproveClaimFunction.Run))
            .Describe(Projects.ProjectExamples.Tag, "认领通过 Approve a claim", "管理该项目的工作人员审核通过（无需请求体）。Staff approve a pending claim; no body.", ApiAccess.Staff)
            .Gives(200, Projects.ProjectExamples.Project).Refuses(400, 401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("DeclineClaim", Projects.DeclineClaimFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Projects.DeclineClaimFunction.Run))
            .Describe(Projects.ProjectExamples.Tag, "认领不通过 Decline a claim", "工作人员退回认领，text 为原因，名额释放。Staff decline a pending claim (`text`: reason); its place frees.", ApiAccess.Staff)
            .Takes(Projects.ProjectExamples.Text).Gives(200, Projects.ProjectExamples.Project).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ReportMilestone", Projects.ReportMilestoneFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Projects.ReportMilestoneFunction.Run))
            .Describe(Projects.ProjectExamples.Tag, "节点进展 Report a milestone", "认领已通过的单位填报节点进展（每节点一次），可附照片。A unit with an approved claim reports on a milestone, once; " +
                "`photos`: base64 JPEG/PNG/WebP ≤ 10 MB each, at most 6 (EXIF/GPS stripped).", ApiAccess.Staff)
            .Takes(Projects.ProjectExamples.Report).Gives(200, Projects.ProjectExamples.Project).Refuses(400, 401, 403, 404, 409, 413, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("Health", HealthFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, HealthFunction.Run))
            .Describe(ApiTags.Operations, "健康检查 Health", "存活并能读存储。Alive, with one cheap storage read.", ApiAccess.Anyone)
            .Gives(200, ApiExamples.Health).Refuses(503);
        app.MapFunction("BotMessages", new HttpTrigger("POST", "messages"), t => app.MapMethods(t.Pattern, t.Methods, MessagesEndpoint.Run))
            .Describe(ApiTags.Chat, "机器人消息 Bot Framework messages", "Azure Bot Service 投递 Activity；回复经 Connector 发出。Azure Bot Service posts activities here; replies go out through the Connector.",
                ApiAccess.BotConnector)
            .Takes(ApiExamples.Message).GivesContent(200, "已收到。Accepted.").Refuses(400, 401, 403, 413, 503);
        app.MapFunction("DirectLineGenerateToken", new HttpTrigger("POST", "v3/directline/tokens/generate"), t => app.MapMethods(t.Pattern, t.Methods, TokenEndpoints.Generate))
            .Describe(ApiTags.Chat, "生成令牌 Generate a Direct Line token", "网站后端用密钥换取一个新会话的令牌。A website's backend trades the secret for a token of a new conversation.",
                ApiAccess.DirectLineSecret)
            .Gives(200, ApiExamples.Conversation).Refuses(401, 403, 429)
            .RequireRateLimiting(DirectLineRateLimits.Tokens);
        app.MapFunction("DirectLineRefreshToken", new HttpTrigger("POST", "v3/directline/tokens/refresh"), t => app.MapMethods(t.Pattern, t.Methods, TokenEndpoints.Refresh))
            .Describe(ApiTags.Chat, "刷新令牌 Refresh a Direct Line token", "用未过期的令牌换一个新的。A live token for a fresh one of the same conversation.", ApiAccess.DirectLineToken)
            .Gives(200, ApiExamples.Conversation).Refuses(400, 401, 403, 429)
            .RequireRateLimiting(DirectLineRateLimits.Tokens);
        app.MapFunction("DirectLineStartConversation", new HttpTrigger("POST", "v3/directline/conversations"), t => app.MapMethods(t.Pattern, t.Methods, ConversationEndpoints.Start))
            .Describe(ApiTags.Chat, "开始会话 Start a conversation", "开始（或用已有令牌恢复）会话，首次开始时机器人问候。Starts, or with its token resumes, a conversation.",
                ApiAccess.DirectLineToken | ApiAccess.DirectLineSecret)
            .Takes(ApiExamples.Start, optional: true).Gives(201, ApiExamples.Conversation, "会话已开始。Started.").Gives(200, ApiExamples.Conversation, "会话已存在。Already started.")
            .Refuses(401, 403, 429)
            .RequireRateLimiting(DirectLineRateLimits.Conversations);
        app.MapFunction("DirectLineGetConversation", new HttpTrigger("GET", "v3/directline/conversations/{conversationId}"), t => app.MapMethods(t.Pattern, t.Methods, ConversationEndpoints.Get))
            .Describe(ApiTags.Chat, "重新连接 Reconnect", "重新连接已有会话。Reconnects to a conversation.", ApiAccess.DirectLineToken | ApiAccess.DirectLineSecret)
            .Gives(200, ApiExamples.Conversation).Refuses(401, 403, 404);
        app.MapFunction("DirectLinePostActivity", new HttpTrigger("POST", "v3/directline/conversations/{conversationId}/activities"), t => app.MapMethods(t.Pattern, t.Methods, ActivityEndpoints.Post))
            .Describe(ApiTags.Chat, "发送消息 Send an activity", "用户发一条消息（Activity）。The user sends an activity.", ApiAccess.DirectLineToken)
            .Takes(ApiExamples.Message).Gives(200, ApiExamples.ActivityId).Refuses(400, 401, 403, 404, 413, 503, 429)
            .RequireRateLimiting(DirectLineRateLimits.Activities);
        app.MapFunction("DirectLineGetActivities", new HttpTrigger("GET", "v3/directline/conversations/{conversationId}/activities"), t => app.MapMethods(t.Pattern, t.Methods, ActivityEndpoints.Get))
            .Describe(ApiTags.Chat, "读取消息 Get activities", "读取 `watermark` 之后的消息（含用户自己发的）。The activities after `watermark`, the user's own included.", ApiAccess.DirectLineToken)
            .Query("watermark", "上次读到的位置 The watermark of the previous answer").Gives(200, ApiExamples.Activities).Refuses(400, 401, 403, 404);
        app.MapFunction("DirectLineUpload", new HttpTrigger("POST", "v3/directline/conversations/{conversationId}/upload"), t => app.MapMethods(t.Pattern, t.Methods, UploadEndpoint.Run))
            .Describe(ApiTags.Chat, "上传照片 Upload files", "multipart/form-data：`activity` 部分加每个文件一部分（最多 9 个，每个 ≤ 10 MB）。Multipart: an `activity` part and one part per file.",
                ApiAccess.DirectLineToken)
            .TakesContent("multipart/form-data", "`activity` 部分是 Activity JSON，其余每部分一个文件。Part `activity`: the activity JSON; one part per file.").Gives(200, ApiExamples.ActivityId).Refuses(400, 401, 403, 404, 413, 503, 429)
            .RequireRateLimiting(DirectLineRateLimits.Uploads);
        app.MapFunction("ChatPage", new HttpTrigger("GET", "chat"), t => app.MapMethods(t.Pattern, t.Methods, ChatPage.Page))
            .Describe(ApiTags.Chat, "聊天页面 Chat page", "居民使用的网页聊天（Web Chat）。The residents' Web Chat page.", ApiAccess.Anyone)
            .GivesContent(200, "HTML 页面。The page.", "text/html");
        app.MapFunction("ChatScript", new HttpTrigger("GET", "chat/webchat.js"), t => app.MapMethods(t.Pattern, t.Methods, ChatPage.Script))
            .Describe(ApiTags.Chat, "聊天组件 Web Chat script", "Web Chat 组件脚本。The Web Chat bundle.", ApiAccess.Anyone)
            .GivesContent(200, "脚本。The script.", "text/javascript").Refuses(503);
        app.MapFunction("ChatToken", new HttpTrigger("POST", "chat/token"), t => app.MapMethods(t.Pattern, t.Methods, TokenEndpoints.ForChatPage))
            .Describe(ApiTags.Chat, "聊天令牌 Chat page token", "聊天页面自己的令牌服务：一个新会话的 Direct Line 令牌。The chat page's token server: a Direct Line token for a new conversation.",
                ApiAccess.Anyone)
            .Gives(200, ApiExamples.Conversation).Refuses(429)
            .RequireRateLimiting(DirectLineRateLimits.Tokens);
        app.MapFunction("IssueBindingCode", IssueBindingCodeFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, IssueBindingCodeFunction.Run))
            .Describe(ApiTags.Directory, "联络员绑定码 Issue a binding code", "发给单位联络员的一次性绑定码（24 小时内有效）。A one-time code that binds a liaison's chat to the unit.",
                ApiAccess.Staff)
            .Gives(201, ApiExamples.BindingCode).Refuses(401, 403, 404, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);

        app.MapFunction("CreateSession", CreateSessionFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CreateSessionFunction.Run))
            .Describe(ApiTags.Console, "登录工作台 Sign in", "工作人员用密钥登录一次，换取会话 Cookie（HttpOnly、SameSite=Strict，12 小时无操作过期）；浏览器不保存密钥。" +
                "Trades a staff key for a session cookie; writes made with the cookie must send `csrfToken` in `X-Gongjian-Csrf`.", ApiAccess.Anyone)
            .Takes(ApiExamples.SignIn).Gives(201, ApiExamples.Session).Refuses(400, 401, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("GetSession", GetSessionFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetSessionFunction.Run))
            .Describe(ApiTags.Console, "当前登录 Who am I", "会话对应的角色、范围、姓名和防伪标记。The session's role, scope, name and CSRF token.", ApiAccess.Staff)
            .Gives(200, ApiExamples.Session).Refuses(401);
        app.MapFunction("DeleteSession", DeleteSessionFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, DeleteSessionFunction.Run))
            .Describe(ApiTags.Console, "退出登录 Sign out", "结束会话并清除 Cookie；会话已失效时同样成功。Ends the session and clears the cookie.", ApiAccess.Anyone | ApiAccess.Staff)
            .GivesContent(204, "已退出。Signed out.").Refuses(403);
        app.MapFunction("Console", ConsoleFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ConsoleFiles.Serve))
            .Describe(ApiTags.Console, "工作台页面 Staff console", "工作人员网页工作台（单页应用）及其静态文件。The staff console: the single page and its hashed assets.", ApiAccess.Anyone)
            .GivesContent(200, "页面或静态文件。The page or an asset.", "text/html", "text/javascript", "text/css").Refuses(404, 503);

        app.MapStaffConsoleFunctions();
        app.MapStaffInboxFunctions();
        app.MapWishFunctions();
        app.MapRecordFunctions();
        // 需求清单, 资源清单 and their matching (issue 11, branch lists): functions/Gongjian.Functions/Needs/ListsRoutes.cs.
        Needs.ListsRoutes.MapNeedAndResourceFunctions(app);
        // 双报到: units, people, teams and service hours (issue 12, branch people): functions/Gongjian.Functions/People/PeopleRoutes.cs.
        People.PeopleRoutes.MapPeopleFunctions(app);
        app.MapAdminFunctions();
        // 资源共享预约 (issue 12, branch booking): functions/Gongjian.Functions/Bookings/BookingRoutes.cs.
        Bookings.BookingRoutes.MapBookingFunctions(app);

        // 微心愿 and 项目清单 console screens and public pages (branch screens).
        app.MapWishAndProjectScreenFunctions();

        // 活动预告与报名 (functions/Gongjian.Functions/Activities/ActivityRoutes.cs; branch activities).
        Activities.ActivityRoutes.MapActivityFunctions(app);

        // 网格管理 and 格事坊 (functions/Gongjian.Functions/GridReports/GridReportRoutes.cs; branch grids).
        GridReports.GridReportRoutes.MapGridReportFunctions(app);
        // 议事 (提审议办评; functions/Gongjian.Functions/Deliberations/DeliberationRoutes.cs; branch deliberation).
        Deliberations.DeliberationRoutes.MapDeliberationFunctions(app);
        // 共建考核指标 and 年度评议 (functions/Gongjian.Functions/Scorecards/ScorecardRoutes.cs; issue 14, branch scorecard).
        Scorecards.ScorecardRoutes.MapScorecardFunctions(app);

        // Open311 GeoReport v2 is described by its own standard (form bodies, XML, its error list) and discovery
        // document, not by this OpenAPI contract.
        app.MapFunction("Open311Discovery", DiscoveryFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, DiscoveryFunction.Run)).WithOpen311Errors().ExcludeFromDescription();
        app.MapFunction("Open311ListServices", ListServicesFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListServicesFunction.Run)).WithOpen311Errors().ExcludeFromDescription();
        app.MapFunction("Open311GetServiceDefinition", GetServiceDefinitionFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetServiceDefinitionFunction.Run)).WithOpen311Errors().ExcludeFromDescription();
        app.MapFunction("Open311PostRequest", PostRequestFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, PostRequestFunction.Run)).WithOpen311Errors().WithIdempotencyKey()
            .RequireRateLimiting(RateLimitPolicies.Orders).ExcludeFromDescription();
        app.MapFunction("Open311ListRequests", ListRequestsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListRequestsFunction.Run)).WithOpen311Errors().ExcludeFromDescription();
        app.MapFunction("Open311GetRequest", GetRequestFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetRequestFunction.Run)).WithOpen311Errors().ExcludeFromDescription();
        // The WeChat Official Account's server URL speaks WeChat's signed (and encrypted) XML, not this contract (issue 15; docs/DEPLOY.md).
        app.MapFunction("WeChatVerify", new HttpTrigger("GET", "wechat"), t => app.MapMethods(t.Pattern, t.Methods, Gongjian.Bot.WeChat.WeChatEndpoint.Verify)).ExcludeFromDescription();
        app.MapFunction("WeChatMessage", new HttpTrigger("POST", "wechat"), t => app.MapMethods(t.Pattern, t.Methods, Gongjian.Bot.WeChat.WeChatEndpoint.Receive)).ExcludeFromDescription();
        // The WeCom self-built app's callback URL (liaisons' cards and messages): WeCom's signed, encrypted XML (issue 15; docs/DEPLOY.md).
        app.MapFunction("WeComVerify", new HttpTrigger("GET", "wecom"), t => app.MapMethods(t.Pattern, t.Methods, Gongjian.Bot.WeCom.WeComEndpoint.Verify)).ExcludeFromDescription();
        app.MapFunction("WeComMessage", new HttpTrigger("POST", "wecom"), t => app.MapMethods(t.Pattern, t.Methods, Gongjian.Bot.WeCom.WeComEndpoint.Receive)).ExcludeFromDescription();

        app.MapBackgroundFunction("OnOrderTimer", OnOrderTimer.Trigger, OnOrderTimer.Run);
        app.MapBackgroundFunction("OnWishTimer", Wishes.OnWishTimer.Trigger, Wishes.OnWishTimer.Run);
        app.MapBackgroundFunction("OnBookingTimer", Bookings.OnBookingTimer.Trigger, Bookings.OnBookingTimer.Run);
        app.MapBackgroundFunction("SweepOutbox", SweepOutbox.Trigger, SweepOutbox.Run);
        app.MapBackgroundFunction("OnProjectTimer", Projects.OnProjectTimer.Trigger, Projects.OnProjectTimer.Run);
        app.MapBackgroundFunction("OnActivityTimer", Activities.OnActivityTimer.Trigger, Activities.OnActivityTimer.Run);
        app.MapBackgroundFunction("RepairShowcaseMarks", RepairShowcaseMarks.Trigger, RepairShowcaseMarks.Run);
        app.MapBackgroundFunction("SweepOrphanPhotos", SweepOrphanPhotos.Trigger, SweepOrphanPhotos.Run);
        app.MapBackgroundFunction("DailyOverdueDigest", DailyOverdueDigest.Trigger, DailyOverdueDigest.Run);
        app.MapBackgroundFunction("PurgeIdempotencyKeys", PurgeIdempotencyKeys.Trigger, PurgeIdempotencyKeys.Run);
        app.MapBackgroundFunction("DeliverNotification", DeliverNotificationFunction.Trigger, DeliverNotificationFunction.Run);
        app.MapBackgroundFunction("PurgeChatHistory", PurgeChatHistoryFunction.Trigger, PurgeChatHistoryFunction.Run);
        app.MapBackgroundFunction("PurgeConsoleRecords", PurgeConsoleRecords.Trigger, PurgeConsoleRecords.Run);
        app.MapBackgroundFunction("OnDeliberationTimer", Deliberations.OnDeliberationTimer.Trigger, Deliberations.OnDeliberationTimer.Run);
    }

    /// <summary>
    /// The staff console's second slice (issue 10): suggested units, the contact-view audit, the street's
    /// overview, showcase preview and withdrawal. Kept apart so the list above can change independently.
    /// </summary>
    private static void MapStaffConsoleFunctions(this WebApplication app)
    {
        app.MapFunction("SuggestUnits", SuggestUnitsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, SuggestUnitsFunction.Run))
            .Describe(ApiTags.Orders, "推荐承办单位 Suggested units", "按服务类别、是否覆盖本社区和在办工单数（待接单、办理中、重新办理）排序的成员单位，附理由；已退出的单位不推荐。" +
                "Member units ranked for dispatching this order (category served, community covered, open orders now), each with a Chinese reason; " +
                "for the order's dispatcher, the street's organizer and admins. A unit that declined the order goes last.", ApiAccess.Staff)
            .Gives(200, ApiExamples.Suggestions).Refuses(401, 403, 404, 409);
        app.MapFunction("ListContactViews", ListContactViewsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListContactViewsFunction.Run))
            .Describe(ApiTags.Orders, "联系方式查看记录 Contact views", "谁在何时、通过工作台还是接口看过居民未打码的电话和地址（最新在前）。" +
                "Who saw the resident's unmasked phone and address, when and through what (console or API), newest first; " +
                "for the street's organizer, admins and the community's dispatcher. `GET /api/orders/{id}?contact=masked` reads the order without showing (nor recording) it.",
                ApiAccess.Staff)
            .Gives(200, ApiExamples.ContactViews).Refuses(401, 403, 404);
        app.MapFunction("StreetOverview", StreetOverviewFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, StreetOverviewFunction.Run))
            .Describe(ApiTags.Orders, "街道总览 Street overview", "本街道工单按状态、按社区计数，超时工单和督办工单（不含居民联系方式）。" +
                "Counts by status and by community, the orders past their deadline and those escalated (督办); for the street's organizer and admins.", ApiAccess.Staff)
            .Gives(200, ApiExamples.StreetOverview).Refuses(401, 403, 404);
        app.MapFunction("PreviewShowcase", PreviewShowcaseFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, PreviewShowcaseFunction.Run))
            .Describe(ApiTags.Showcases, "晒单预览 Preview a showcase", "与发布相同的检查，返回公开页面将显示的 HTML（照片用工单照片地址），不保存。" +
                "The public page a publication would make, with the same checks as publishing; nothing is stored. " +
                "`photos`: per order, the before- and after-photo ids to show.", ApiAccess.Staff)
            .Takes(ApiExamples.PublishWithPhotos).GivesContent(200, "HTML 页面。The page.", "text/html").Refuses(400, 401, 403, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("WithdrawShowcase", WithdrawShowcaseFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, WithdrawShowcaseFunction.Run))
            .Describe(ApiTags.Showcases, "撤回晒单 Withdraw a showcase", "本街道组织方撤回已发布的晒单：公开页面随即显示“已撤回”（410），列表不再显示，照片不再公开（无需请求体）。" +
                "The street's organizer takes a showcase off the public pages: its page answers 410, the list leaves it out, its photos are no longer served; no body.",
                ApiAccess.Staff)
            .Gives(200, ApiExamples.Withdrawn).Refuses(401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
    }

    /// <summary>The staff inbox (issue 10): notices to dispatchers and organizers, stored instead of dropped.</summary>
    private static void MapStaffInboxFunctions(this WebApplication app)
    {
        app.MapFunction("ListInbox", StaffInbox.ListInboxFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, StaffInbox.ListInboxFunction.Run))
            .Describe(ApiTags.Console, "消息 Inbox", "派单员（本社区）或街道组织方（本街道）收到的通知：新工单、拒单、超时撤回、催办、督办、每日超时汇总，最新在前，分页，附未读数。" +
                "The signed-in dispatcher's or organizer's notices, newest first, with the `unread` count. The answer has an `ETag`; " +
                "send it back as `If-None-Match` to get `304` when nothing changed (cheap polling). Liaisons (notices by chat) and admins: `403 inbox_not_available`.",
                ApiAccess.Staff)
            .Query("pageSize", "每页条数 Page size, 1–100 (20)", JsonSchemaType.Integer).Query("pageToken", "下一页 `nextPageToken` of the previous page")
            .Gives(200, ApiExamples.Inbox).GivesContent(304, "没有变化（`If-None-Match` 与 `ETag` 相同）。Not modified.").Refuses(400, 401, 403);
        app.MapFunction("MarkInboxRead", StaffInbox.MarkInboxReadFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, StaffInbox.MarkInboxReadFunction.Run))
            .Describe(ApiTags.Console, "标为已读 Mark notices read", "`{\"ids\": [...]}`（最多 100 条）或 `{\"all\": true}`。" +
                "Marks the named notices of the caller's own inbox (others are skipped), or all of them, read; answers how many and the unread count left.",
                ApiAccess.Staff)
            .Takes(ApiExamples.MarkRead).Gives(200, ApiExamples.MarkedRead).Refuses(400, 401, 403, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
    }

    /// <summary>微心愿 (issue 11, module #2 on the engine): the API and the public wall.</summary>
    private static void MapWishFunctions(this WebApplication app)
    {
        app.MapFunction("SubmitWish", Wishes.SubmitWishFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Wishes.SubmitWishFunction.Run)).WithIdempotencyKey()
            .Describe(ApiTags.Wishes, "提交微心愿 Submit a wish", "居民（无需密钥）或社区派单员代居民提交微心愿，审核后匿名发布到心愿墙；答复中的查询码只出现这一次。" +
                "A resident (no key) or the community's dispatcher submits a small wish; staff review it before it is published anonymised. " +
                "The answer carries the tracking code (`X-Tracking-Code` for confirming or withdrawing), shown only once.", ApiAccess.Anyone | ApiAccess.Staff)
            .Takes(ApiExamples.SubmitWish).Gives(201, ApiExamples.SubmittedWish).Refuses(400, 401, 403, 413, 415, 422, 429)
            .RequireRateLimiting(RateLimitPolicies.Orders);
        app.MapFunction("ListWishes", Wishes.ListWishesFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Wishes.ListWishesFunction.Run))
            .Describe(ApiTags.Wishes, "心愿列表 List wishes", "工作人员查看本范围内的微心愿（社区、街道，或单位认领的），最新的在前，分页；不含居民和个人认领人的信息。" +
                "Staff list the wishes of their scope, newest first; a unit's list is its claims (records for evaluation, filter `year`).", ApiAccess.Staff)
            .Query("status", "状态 Status: submitted, published, claimed, fulfilled, confirmed, rejected, withdrawn")
            .Query("year", "认领年份 Year of the claim (China time)", JsonSchemaType.Integer)
            .Query("communityId", "社区 Community (dispatcher: own; organizer, admin)").Query("unitId", "单位 Unit (liaison: own; admin)")
            .Query("streetId", "街道 Street (organizer: own; admin)").Query("pageSize", "每页条数 Page size, 1–100 (20)", JsonSchemaType.Integer)
            .Query("pageToken", "下一页 `nextPageToken` of the previous page")
            .Gives(200, ApiExamples.Wishes).Refuses(400, 401, 403);
        app.MapFunction("GetWish", Wishes.GetWishFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Wishes.GetWishFunction.Run))
            .Describe(ApiTags.Wishes, "查看心愿 Get a wish", "公开字段人人可见（已发布的心愿）；居民原文和联系方式只对本社区工作人员显示，居民凭查询码、认领人凭认领码查看。" +
                "Public fields for anyone once published; the resident's text and contact only for the community's staff (phones masked but for the dispatcher); " +
                "the resident with `X-Tracking-Code`, a person claimer with `X-Claim-Code`.", ApiAccess.Anyone | ApiAccess.Resident | ApiAccess.Staff)
            .Gives(200, ApiExamples.Wish).Refuses(401, 403, 404);
        app.MapFunction("GetWishPhoto", Wishes.GetWishPhotoFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Wishes.GetWishPhotoFunction.Run))
            .Describe(ApiTags.Wishes, "心愿实现照片 Get a fulfilment photo", "已去除 EXIF/GPS；本社区工作人员、居民本人和认领人可看。For staff in scope, the resident and the claimer.",
                ApiAccess.Resident | ApiAccess.Staff)
            .GivesContent(200, "照片。The photo.", "image/jpeg", "image/png", "image/webp").Refuses(401, 403, 404);
        app.MapFunction("PublishWish", Wishes.PublishWishFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Wishes.PublishWishFunction.Run)).WithIdempotencyKey()
            .Describe(ApiTags.Wishes, "发布心愿 Publish", "社区工作人员审核后匿名发布：公开内容（不得含姓名、电话、门牌号）和昵称（默认“某居民”）。" +
                "The community's staff publish the wish on the wall with an anonymised text and a nickname (某居民 by default).", ApiAccess.Staff)
            .Takes(ApiExamples.PublishWish).Gives(200, ApiExamples.WishIn(Domain.Wishes.WishStatus.Published)).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("RejectWish", Wishes.RejectWishFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Wishes.RejectWishFunction.Run)).WithIdempotencyKey()
            .Describe(ApiTags.Wishes, "不予发布 Reject", "社区工作人员说明理由，不予发布。The community's staff decline to publish, with a reason the resident reads.", ApiAccess.Staff)
            .Takes(ApiExamples.Reject).Gives(200, ApiExamples.WishIn(Domain.Wishes.WishStatus.Rejected)).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("WithdrawWish", Wishes.WithdrawWishFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Wishes.WithdrawWishFunction.Run)).WithIdempotencyKey()
            .Describe(ApiTags.Wishes, "撤回心愿 Withdraw", "认领前，居民（查询码）或社区工作人员撤回心愿，理由可选。The resident or staff take the wish back before it is claimed.",
                ApiAccess.Resident | ApiAccess.Staff)
            .Takes(ApiExamples.Cancel, optional: true).Gives(200, ApiExamples.WishIn(Domain.Wishes.WishStatus.Withdrawn)).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("ClaimWish", Wishes.ClaimWishFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Wishes.ClaimWishFunction.Run)).WithIdempotencyKey()
            .Describe(ApiTags.Wishes, "认领心愿 Claim", "单位联络员以本单位名义认领；党员或志愿者个人（无需密钥）填写姓名和电话认领，答复中的认领码只出现这一次；工作人员可代为认领。同时认领只有一个成功。" +
                "A unit's liaison claims for the unit; a party member or volunteer (no key) with name and phone — the answer carries the claim code " +
                "(`X-Claim-Code`) once; staff may claim on behalf of either. Of claims at the same time exactly one wins; the others get `409 wish_already_claimed`.",
                ApiAccess.Anyone | ApiAccess.Staff)
            .Takes(ApiExamples.ClaimWish).Gives(200, ApiExamples.WishIn(Domain.Wishes.WishStatus.Claimed)).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("ReleaseWish", Wishes.ReleaseWishFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Wishes.ReleaseWishFunction.Run)).WithIdempotencyKey()
            .Describe(ApiTags.Wishes, "放弃认领 Release the claim", "认领人（或工作人员）放弃认领，心愿重新待认领。The claimer (or staff) gives the claim up; the wish is published again.",
                ApiAccess.Resident | ApiAccess.Staff)
            .Takes(ApiExamples.Cancel, optional: true).Gives(200, ApiExamples.WishIn(Domain.Wishes.WishStatus.Published)).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("FulfilWish", Wishes.FulfilWishFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Wishes.FulfilWishFunction.Run)).WithIdempotencyKey()
            .Describe(ApiTags.Wishes, "上报实现 Fulfil", "认领人（或工作人员）上报心愿已实现：说明和 1–3 张照片（base64，≤ 10 MB，去除 EXIF/GPS）。" +
                "The claimer (or staff) reports the wish fulfilled: a note and 1–3 photos, base64 JPEG/PNG/WebP.", ApiAccess.Resident | ApiAccess.Staff)
            .Takes(ApiExamples.FulfilWish).Gives(200, ApiExamples.WishIn(Domain.Wishes.WishStatus.Fulfilled)).Refuses(400, 401, 403, 404, 409, 413, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("ConfirmWish", Wishes.ConfirmWishFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Wishes.ConfirmWishFunction.Run)).WithIdempotencyKey()
            .Describe(ApiTags.Wishes, "确认实现 Confirm", "居民（查询码）或社区工作人员确认心愿已实现（无需请求体）。The resident or staff confirm the wish came true; no body.",
                ApiAccess.Resident | ApiAccess.Staff)
            .Gives(200, ApiExamples.WishIn(Domain.Wishes.WishStatus.Confirmed)).Refuses(401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("WishWallPage", Wishes.WishWallPageFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Wishes.WishWallPageFunction.Run))
            .Describe(ApiTags.Wishes, "微心愿墙 Wish wall page", "公开网页：一个街道已发布的微心愿（待认领、已认领、已实现），匿名，无个人信息；可分享到微信；街道不存在时是 404 网页。" +
                "Public HTML page: a street's published wishes, anonymised, with link-preview tags; an unknown street is a 404 HTML page.", ApiAccess.Anyone)
            .GivesContent(200, "HTML 页面。The page.", "text/html");
    }

    /// <summary>
    /// PIPL erasure of wishes and the records for evaluation (issue 11, items 4 and 8): kept apart from the wish API above
    /// so both can change independently.
    /// </summary>
    private static void MapRecordFunctions(this WebApplication app)
    {
        app.MapFunction("EraseWish", Wishes.EraseWishFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Wishes.EraseWishFunction.Run)).WithIdempotencyKey()
            .Describe(ApiTags.Wishes, "删除个人信息 Erase personal data", "已办结（已确认、未通过、已撤回）的心愿：本社区工作人员（须写明理由，如居民或认领人申请）或居民（查询码）" +
                "删除居民的心愿原文、称呼和电话、个人认领人的姓名和电话及实现照片（PIPL）；办结后 `Wishes:EraseAfter`（默认同工单，180 天）自动删除。" +
                "Erases a closed wish's personal data: the resident's text and contact, a person claimer's name and phone, the fulfilment photos.",
                ApiAccess.Resident | ApiAccess.Staff)
            .Takes(ApiExamples.Erase, optional: true)
            .Gives(200, ApiExamples.WishIn(Domain.Wishes.WishStatus.Confirmed) with { PersonalDataErasedAt = ApiExamples.WishIn(Domain.Wishes.WishStatus.Confirmed).SubmittedAt.AddDays(200) })
            .Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("ListRecords", Records.ListRecordsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Records.ListRecordsFunction.Run))
            .Describe(ApiTags.Records, "评议记录 Records for evaluation", "一个街道一年的评议记录：项目认领（审核通过）、节点进展、实现微心愿、办结工单，按类型、单位和个人计数并列出。" +
                "组织方：本街道；派单员：服务本社区的单位（及本社区心愿的个人认领人）；联络员：本单位；管理员：指明街道。个人只以编号（电话的哈希）出现，不含姓名电话；不含居民信息。" +
                "A street's records of a year, counted by kind, unit and person (by key only), with the list.", ApiAccess.Staff)
            .Query("street", "街道 Street (organizer: own; admin: required)").Query("unit", "单位 Unit (liaison: own)").Query("community", "社区 Community")
            .Query("year", "年份 Year, China time (this year)", JsonSchemaType.Integer)
            .Gives(200, Records.RecordExamples.Records).Refuses(400, 401, 403);
        app.MapFunction("OrderIndicators", Indicators.OrderIndicatorsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Indicators.OrderIndicatorsFunction.Run))
            .Describe(Indicators.IndicatorExamples.Tag, "工单考核指标 Order indicators", "一个街道在某月、季度或年度（北京时间）的工单考核指标，分单位并合计：响应率、按时办结率、办结率、满意率、重办率、" +
                "婉拒、超时收回、督办、接单和办理用时（平均、90%），以及每项指标的定义（同 docs/INDICATORS.md）。派单按派单时间计入期间；指标截至现在。" +
                "权限同评议记录：组织方本街道；派单员服务本社区的单位；联络员本单位；管理员指明街道。不含居民信息。" +
                "A street's order indicators per unit and in all for a month, quarter or year (Beijing time), as of now, with their definitions; scoped as the records.",
                ApiAccess.Staff)
            .Query("period", "统计期间 Period: 2026, 2026-Q3 or 2026-07 (this year)").Query("street", "街道 Street (organizer: own; admin: required)")
            .Query("unit", "单位 Unit (liaison: own)").Query("community", "社区 Community: the units serving it")
            .Gives(200, Indicators.IndicatorExamples.View).Refuses(400, 401, 403);
    }

    /// <summary>The console's admin role (issue 10): editing, retiring and reinstating member units; staff keys.</summary>
    private static void MapAdminFunctions(this WebApplication app)
    {
        app.MapFunction("GetUnit", GetUnitFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetUnitFunction.Run))
            .Describe(ApiTags.Directory, "查看成员单位 Get a member unit", "管理员或本街道组织方查看一个单位（含已退出的），响应带 `ETag`，修改时作为 `If-Match` 发回。" +
                "One unit, retired ones too, for an admin or the street's organizer; the `ETag` goes back as `If-Match` on an edit.", ApiAccess.Staff)
            .Gives(200, ApiExamples.Unit).Refuses(401, 403, 404);
        app.MapFunction("UpdateUnit", UpdateUnitFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, UpdateUnitFunction.Run))
            .Describe(ApiTags.Directory, "修改成员单位 Edit a member unit", "名称、层级、类型、服务类别和服务社区，检查与添加时相同；带 `If-Match` 时若单位已被他人修改则为 412 `unit_changed`。" +
                "Name, level, kind, categories and communities, checked as on create; with `If-Match`, a unit changed meanwhile is `412 unit_changed`.", ApiAccess.Staff)
            .Takes(ApiExamples.UpdateUnit).Gives(200, ApiExamples.Unit).Refuses(400, 401, 403, 404, 412, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("RetireUnit", RetireUnitFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, RetireUnitFunction.Run))
            .Describe(ApiTags.Directory, "成员单位退出 Retire a member unit", "单位退出共建：历史工单仍显示其名称，但不再推荐、不能派单（`400 unit_retired`）；重复退出无影响。" +
                "The unit keeps its history but is no longer suggested nor dispatched to; retiring again changes nothing.", ApiAccess.Staff)
            .Takes(ApiExamples.Retire).Gives(200, ApiExamples.RetiredUnit).Refuses(400, 401, 403, 404, 412, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ReinstateUnit", ReinstateUnitFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ReinstateUnitFunction.Run))
            .Describe(ApiTags.Directory, "恢复成员单位 Reinstate a member unit", "已退出的单位重新接单（无需请求体）。A retired unit takes orders again; no body.", ApiAccess.Staff)
            .Gives(200, ApiExamples.Unit).Refuses(401, 403, 404, 412, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("CreateCommunity", CreateCommunityFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CreateCommunityFunction.Run))
            .Describe(ApiTags.Directory, "添加社区 Add a community", "管理员或本街道组织方添加社区（组织方可省略 `streetId`）。An admin or the street's organizer adds a community.", ApiAccess.Staff)
            .Takes(ApiExamples.CreateCommunity).Gives(201, ApiExamples.Community).Refuses(400, 401, 403, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("GetCommunity", GetCommunityFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetCommunityFunction.Run))
            .Describe(ApiTags.Directory, "查看社区 Get a community", "含已退出的社区，响应带 `ETag`。One community, retired ones too, with its `ETag`.", ApiAccess.Staff)
            .Gives(200, ApiExamples.Community).Refuses(401, 403, 404);
        app.MapFunction("UpdateCommunity", UpdateCommunityFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, UpdateCommunityFunction.Run))
            .Describe(ApiTags.Directory, "修改社区名称 Rename a community", "带 `If-Match` 时若已被他人修改则为 412 `community_changed`。With `If-Match`, a community changed meanwhile is `412 community_changed`.", ApiAccess.Staff)
            .Takes(ApiExamples.RenameCommunity).Gives(200, ApiExamples.Community).Refuses(400, 401, 403, 404, 412, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("RetireCommunity", RetireCommunityFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, RetireCommunityFunction.Run))
            .Describe(ApiTags.Directory, "社区停止受理 Retire a community", "不再受理新诉求（点单 `400 community_retired`，Open311 与机器人同样拒绝），已有工单和历史保留；重复无影响（无需请求体）。" +
                "Takes no new orders (placing one is `400 community_retired`, Open311 and the bot refuse too); its orders and history stay. No body.", ApiAccess.Staff)
            .Gives(200, ApiExamples.Community).Refuses(401, 403, 404, 412, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ListStaffKeys", Admin.ListStaffKeysFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Admin.ListStaffKeysFunction.Run))
            .Describe(ApiTags.Console, "密钥列表 Staff keys", "仅管理员：所有工作人员密钥（角色、范围及其名称、创建和吊销时间），不含密钥本身。" +
                "Admins only: every staff key with its role, scope and the scope's name, created and revoked; never the key nor its hash.", ApiAccess.Staff)
            .Gives(200, ApiExamples.StaffKeys).Refuses(401, 403);
        app.MapFunction("CreateStaffKey", Admin.CreateStaffKeyFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Admin.CreateStaffKeyFunction.Run))
            .Describe(ApiTags.Console, "创建密钥 Create a staff key", "仅管理员。派单员需要现有社区，联络员需要未退出的单位，组织方需要街道，管理员不需要范围；密钥只在此响应中出现一次。" +
                "Admins only; the scope must exist (community, unit not retired, street; none for admin). The key is shown in this answer only.", ApiAccess.Staff)
            .Takes(ApiExamples.CreateStaffKey).Gives(201, ApiExamples.CreatedStaffKey).Refuses(400, 401, 403, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("RevokeStaffKey", Admin.RevokeStaffKeyFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Admin.RevokeStaffKeyFunction.Run))
            .Describe(ApiTags.Console, "吊销密钥 Revoke a staff key", "仅管理员：密钥及用它登录的工作台会话随即失效（其他实例最多 30 秒）；不能吊销自己当前登录的密钥（409 `own_key`）；重复吊销无影响。" +
                "Admins only: the key and its console sessions stop working (other instances within 30 s); one's own signed-in key is `409 own_key`.", ApiAccess.Staff)
            .Gives(200, ApiExamples.RevokedStaffKey).Refuses(401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
    }

    /// <summary>What the 微心愿 and 项目清单 console screens and public pages added: the wish contact audit, report photos, the projects page.</summary>
    private static void MapWishAndProjectScreenFunctions(this WebApplication app)
    {
        app.MapFunction("ListWishContactViews", ListWishContactViewsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListWishContactViewsFunction.Run))
            .Describe(ApiTags.Wishes, "心愿联系方式查看记录 Wish contact views", "谁在何时、通过工作台还是接口看过居民或个人认领人未打码的姓名和电话（最新在前）。" +
                "Who saw the resident's or a person claimer's unmasked name and phone on this wish, when and through what, newest first; for the street's organizer, " +
                "admins and the community's dispatcher. `GET /api/wishes/{id}?contact=masked` (also on the wish's commands) reads it without showing (nor recording) them.",
                ApiAccess.Staff)
            .Gives(200, ApiExamples.WishContactViews).Refuses(401, 403, 404);
        app.MapFunction("GetProjectPhoto", Projects.GetProjectPhotoFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Projects.GetProjectPhotoFunction.Run))
            .Describe(Projects.ProjectExamples.Tag, "进展照片 Get a report photo", "节点进展的照片（已去除 EXIF/GPS），只给管理该项目的工作人员和填报的单位。" +
                "A milestone report's photo, for the staff who manage the project and the unit that reported it.", ApiAccess.Staff)
            .GivesContent(200, "照片。The photo.", "image/jpeg", "image/png", "image/webp").Refuses(401, 403, 404);
        app.MapFunction("ProjectsPage", Projects.ProjectsPageFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, Projects.ProjectsPageFunction.Run))
            .Describe(Projects.ProjectExamples.Tag, "共建项目页面 Projects page", "公开网页：一个街道已发布的共建项目、认领单位和节点进展；不含任何个人信息；可分享到微信；街道不存在时是 404 网页。" +
                "Public HTML page: a street's published projects with their approved units and milestone progress, no personal data; an unknown street is a 404 HTML page.",
                ApiAccess.Anyone)
            .GivesContent(200, "HTML 页面。The page.", "text/html");
    }
}
