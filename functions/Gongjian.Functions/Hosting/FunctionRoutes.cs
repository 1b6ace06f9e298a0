using Gongjian.Functions.Communities;
using Gongjian.Functions.Engine;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Showcases;

namespace Gongjian.Functions.Hosting;

/// <summary>The one list of HTTP functions. Each line declares a function and maps its route.</summary>
public static class FunctionRoutes
{
    public static void MapFunctions(this WebApplication app)
    {
        app.MapFunction("PlaceOrder", PlaceOrderFunction.Trigger, PlaceOrderFunction.Run);
        app.MapFunction("ListOrders", ListOrdersFunction.Trigger, ListOrdersFunction.Run);
        app.MapFunction("GetOrder", GetOrderFunction.Trigger, GetOrderFunction.Run);
        app.MapFunction("GetOrderPhoto", GetOrderPhotoFunction.Trigger, GetOrderPhotoFunction.Run);
        app.MapFunction("DispatchOrder", DispatchOrderFunction.Trigger, DispatchOrderFunction.Run);
        app.MapFunction("AcceptOrder", AcceptOrderFunction.Trigger, AcceptOrderFunction.Run);
        app.MapFunction("DeclineOrder", DeclineOrderFunction.Trigger, DeclineOrderFunction.Run);
        app.MapFunction("CompleteOrder", CompleteOrderFunction.Trigger, CompleteOrderFunction.Run);
        app.MapFunction("ConfirmOrder", ConfirmOrderFunction.Trigger, ConfirmOrderFunction.Run);
        app.MapFunction("ReopenOrder", ReopenOrderFunction.Trigger, ReopenOrderFunction.Run);
        app.MapFunction("CancelOrder", CancelOrderFunction.Trigger, CancelOrderFunction.Run);
        app.MapFunction("RejectOrder", RejectOrderFunction.Trigger, RejectOrderFunction.Run);
        app.MapFunction("PublishShowcase", PublishShowcaseFunction.Trigger, PublishShowcaseFunction.Run);
        app.MapFunction("ListShowcases", ListShowcasesFunction.Trigger, ListShowcasesFunction.Run);
        app.MapFunction("GetShowcase", GetShowcaseFunction.Trigger, GetShowcaseFunction.Run);
        app.MapFunction("GetShowcasePhoto", GetShowcasePhotoFunction.Trigger, GetShowcasePhotoFunction.Run);
        app.MapFunction("ListUnits", ListUnitsFunction.Trigger, ListUnitsFunction.Run);
        app.MapFunction("CreateUnit", CreateUnitFunction.Trigger, CreateUnitFunction.Run);
        app.MapFunction("ListCommunities", ListCommunitiesFunction.Trigger, ListCommunitiesFunction.Run);
        app.MapFunction("Health", HealthFunction.Trigger, HealthFunction.Run);

        app.MapBackgroundFunction("NotifyOnOrderEvent", NotifyOnOrderEvent.Trigger, NotifyOnOrderEvent.Run);
        app.MapBackgroundFunction("OnOrderTimer", OnOrderTimer.Trigger, OnOrderTimer.Run);
        app.MapBackgroundFunction("SweepOutbox", SweepOutbox.Trigger, SweepOutbox.Run);
        app.MapBackgroundFunction("DailyOverdueDigest", DailyOverdueDigest.Trigger, DailyOverdueDigest.Run);
    }
}
