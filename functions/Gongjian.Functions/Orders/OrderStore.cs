using Gongjian.Domain.Orders;
using Gongjian.Engine;

namespace Gongjian.Functions.Orders;

/// <summary>The engine's event store for orders (module #1): all behaviour is the engine's and <see cref="OrderModule"/>'s.</summary>
public sealed class OrderStore(
    OrderModule module, OrderStorage codec, IEngineStorage storage, Relay<OrderState, OrderCommand, OrderEvent> relay, TimeProvider clock,
    ILogger<OrderStore> log, ICommandObserver<OrderState, OrderCommand, OrderEvent> observer)
    : EventStore<OrderState, OrderCommand, OrderEvent>(module, codec, storage, relay, clock, log, observer);
