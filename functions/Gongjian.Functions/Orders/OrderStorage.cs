using Gongjian.Domain.Orders;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Orders;

/// <summary>Where the engine keeps orders: table <c>orders</c>, lists in <c>orderindex</c>, queue <c>order-timers</c>, photos.</summary>
public sealed class OrderStorage : ModuleStorage<OrderState, OrderEvent>
{
    public override string Table => TableNames.Orders;
    public override string ListTable => TableNames.OrderIndex;
    public override string LegacyEventQueue => "order-events";
    public override string TimerQueue => QueueNames.OrderTimers;
    public override string BlobContainer => ContainerNames.Photos;

    public override string SerializeState(OrderState state) => OrderJson.SerializeState(state);
    public override OrderState DeserializeState(string json) => OrderJson.DeserializeState(json);
    public override string EventType(OrderEvent e) => e.GetType().Name;
    public override string SerializeEvent(OrderEvent e) => OrderJson.SerializeEvent(e);
    public override OrderEvent DeserializeEvent(string type, string json) => OrderJson.DeserializeEvent(type, json);

    public override IEnumerable<KeyValuePair<string, object?>> StateColumns(OrderState state) => [new("Status", state.Status.Code())];
}
