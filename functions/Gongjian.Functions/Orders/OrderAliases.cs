// The engine's generic types as the order code reads them.
global using OrderOutcome = Gongjian.Engine.Outcome<Gongjian.Domain.Orders.OrderState, Gongjian.Domain.Orders.OrderEvent>;
global using OrderHistory = Gongjian.Engine.History<Gongjian.Domain.Orders.OrderState, Gongjian.Domain.Orders.OrderEvent>;
global using LoadedOrder = Gongjian.Engine.Loaded<Gongjian.Domain.Orders.OrderState>;
