using Gongjian.Bot.Chat;
using Gongjian.Bot.Http;
using Gongjian.Functions.Abuse;
using Gongjian.Bot.DirectLine;
using Gongjian.Bot.Pipeline;
using Gongjian.Functions.BotDesk;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Engine;
using Gongjian.Functions.Http;
using Gongjian.Functions.Open311;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Showcases;

namespace Gongjian.Functions.Hosting;

/// <summary>The one list of HTTP functions. Each line declares a function and maps its route.</summary>
public static class FunctionRoutes
{
    public static void MapFunctions(this WebApplication app)
    {
        app.MapFunction("PlaceOrder", PlaceOrderFunction.Trigger, PlaceOrderFunction.Run).WithIdempotencyKey().RequireRateLimiting(RateLimitPolicies.Orders);
        app.MapFunction("ListOrders", ListOrdersFunction.Trigger, ListOrdersFunction.Run);
        app.MapFunction("GetOrder", GetOrderFunction.Trigger, GetOrderFunction.Run);
        app.MapFunction("GetOrderPhoto", GetOrderPhotoFunction.Trigger, GetOrderPhotoFunction.Run);
        app.MapFunction("DispatchOrder", DispatchOrderFunction.Trigger, DispatchOrderFunction.Run).RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("AcceptOrder", AcceptOrderFunction.Trigger, AcceptOrderFunction.Run).RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("DeclineOrder", DeclineOrderFunction.Trigger, DeclineOrderFunction.Run).RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("CompleteOrder", CompleteOrderFunction.Trigger, CompleteOrderFunction.Run).RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ConfirmOrder", ConfirmOrderFunction.Trigger, ConfirmOrderFunction.Run).RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("ReopenOrder", ReopenOrderFunction.Trigger, ReopenOrderFunction.Run).RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("CancelOrder", CancelOrderFunction.Trigger, CancelOrderFunction.Run).RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("RejectOrder", RejectOrderFunction.Trigger, RejectOrderFunction.Run).RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("EraseOrder", EraseOrderFunction.Trigger, EraseOrderFunction.Run).RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("PublishShowcase", PublishShowcaseFunction.Trigger, PublishShowcaseFunction.Run).RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ListShowcases", ListShowcasesFunction.Trigger, ListShowcasesFunction.Run);
        app.MapFunction("GetShowcase", GetShowcaseFunction.Trigger, GetShowcaseFunction.Run);
        app.MapFunction("GetShowcasePhoto", GetShowcasePhotoFunction.Trigger, GetShowcasePhotoFunction.Run);
        app.MapFunction("ListUnits", ListUnitsFunction.Trigger, ListUnitsFunction.Run);
        app.MapFunction("CreateUnit", CreateUnitFunction.Trigger, CreateUnitFunction.Run).RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ListCommunities", ListCommunitiesFunction.Trigger, ListCommunitiesFunction.Run);
        app.MapFunction("Health", HealthFunction.Trigger, HealthFunction.Run);
        app.MapFunction("BotMessages", new HttpTrigger("POST", "messages"), MessagesEndpoint.Run);
        app.MapFunction("DirectLineGenerateToken", new HttpTrigger("POST", "v3/directline/tokens/generate"), TokenEndpoints.Generate).RequireRateLimiting(DirectLineRateLimits.Tokens);
        app.MapFunction("DirectLineRefreshToken", new HttpTrigger("POST", "v3/directline/tokens/refresh"), TokenEndpoints.Refresh).RequireRateLimiting(DirectLineRateLimits.Tokens);
        app.MapFunction("DirectLineStartConversation", new HttpTrigger("POST", "v3/directline/conversations"), ConversationEndpoints.Start).RequireRateLimiting(DirectLineRateLimits.Conversations);
        app.MapFunction("DirectLineGetConversation", new HttpTrigger("GET", "v3/directline/conversations/{conversationId}"), ConversationEndpoints.Get);
        app.MapFunction("DirectLinePostActivity", new HttpTrigger("POST", "v3/directline/conversations/{conversationId}/activities"), ActivityEndpoints.Post).RequireRateLimiting(DirectLineRateLimits.Activities);
        app.MapFunction("DirectLineGetActivities", new HttpTrigger("GET", "v3/directline/conversations/{conversationId}/activities"), ActivityEndpoints.Get);
        app.MapFunction("DirectLineUpload", new HttpTrigger("POST", "v3/directline/conversations/{conversationId}/upload"), UploadEndpoint.Run).RequireRateLimiting(DirectLineRateLimits.Uploads);
        app.MapFunction("ChatPage", new HttpTrigger("GET", "chat"), ChatPage.Page);
        app.MapFunction("ChatScript", new HttpTrigger("GET", "chat/webchat.js"), ChatPage.Script);
        app.MapFunction("ChatToken", new HttpTrigger("POST", "chat/token"), TokenEndpoints.ForChatPage).RequireRateLimiting(DirectLineRateLimits.Tokens);
        app.MapFunction("IssueBindingCode", IssueBindingCodeFunction.Trigger, IssueBindingCodeFunction.Run).RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("Open311Discovery", DiscoveryFunction.Trigger, DiscoveryFunction.Run).WithOpen311Errors();
        app.MapFunction("Open311ListServices", ListServicesFunction.Trigger, ListServicesFunction.Run).WithOpen311Errors();
        app.MapFunction("Open311GetServiceDefinition", GetServiceDefinitionFunction.Trigger, GetServiceDefinitionFunction.Run).WithOpen311Errors();
        app.MapFunction("Open311PostRequest", PostRequestFunction.Trigger, PostRequestFunction.Run).WithOpen311Errors().WithIdempotencyKey().RequireRateLimiting(RateLimitPolicies.Orders);
        app.MapFunction("Open311ListRequests", ListRequestsFunction.Trigger, ListRequestsFunction.Run).WithOpen311Errors();
        app.MapFunction("Open311GetRequest", GetRequestFunction.Trigger, GetRequestFunction.Run).WithOpen311Errors();

        app.MapBackgroundFunction("NotifyOnOrderEvent", NotifyOnOrderEvent.Trigger, NotifyOnOrderEvent.Run);
        app.MapBackgroundFunction("OnOrderTimer", OnOrderTimer.Trigger, OnOrderTimer.Run);
        app.MapBackgroundFunction("SweepOutbox", SweepOutbox.Trigger, SweepOutbox.Run);
        app.MapBackgroundFunction("RepairShowcaseMarks", RepairShowcaseMarks.Trigger, RepairShowcaseMarks.Run);
        app.MapBackgroundFunction("SweepOrphanPhotos", SweepOrphanPhotos.Trigger, SweepOrphanPhotos.Run);
        app.MapBackgroundFunction("DailyOverdueDigest", DailyOverdueDigest.Trigger, DailyOverdueDigest.Run);
        app.MapBackgroundFunction("PurgeIdempotencyKeys", PurgeIdempotencyKeys.Trigger, PurgeIdempotencyKeys.Run);
        app.MapBackgroundFunction("DeliverNotification", DeliverNotificationFunction.Trigger, DeliverNotificationFunction.Run);
        app.MapBackgroundFunction("PurgeChatHistory", PurgeChatHistoryFunction.Trigger, PurgeChatHistoryFunction.Run);
    }
}
