using Gongjian.Bot.Activities;

namespace Gongjian.Bot.Conversations;

/// <summary>An order this conversation placed or looked up: enough to follow and rate it.</summary>
public sealed record ResidentOrder(string OrderId, string TrackingCode, string Summary, DateTimeOffset? NextDueAt = null);

/// <summary>A 微心愿 this conversation posted or looked up: its id, tracking code and the resident's words, shortened.</summary>
public sealed record ResidentMicroWish(string WishId, string TrackingCode, string Summary);

/// <summary>The unit a liaison's conversation is bound to.</summary>
public sealed record UnitBinding(string UnitId, string UnitName, DateTimeOffset BoundAt);

/// <summary>The grid worker a conversation is bound to (网格员): the worker's staff key id and name, and the grid.</summary>
public sealed record GridWorkerBinding(string KeyId, string Name, string GridId, string GridName, DateTimeOffset BoundAt);

/// <summary>Everything the bot keeps about one conversation, stored as one row with its ETag.</summary>
public sealed record ConversationData
{
    public const int OrdersKept = 20;

    public DialogStep Step { get; init; } = Idle.Instance;
    public ConversationReference? Reference { get; init; }
    public IReadOnlyList<ResidentOrder> Orders { get; init; } = [];
    public UnitBinding? Unit { get; init; }
    /// <summary>Orders this liaison accepted here, for 办结 without an order number.</summary>
    public IReadOnlyList<string> AcceptedOrders { get; init; } = [];
    public int FailedBindings { get; init; }
    /// <summary>How the resident asked to be addressed (称呼, "王阿姨"); personal data, like the phone.</summary>
    public string? Name { get; init; }
    /// <summary>The bot asked for the 称呼 once; it does not ask again, answered or not.</summary>
    public bool NameAsked { get; init; }
    public DateTimeOffset? LastFailedBindingAt { get; init; }
    public IReadOnlyList<ResidentMicroWish> MicroWishes { get; init; } = [];
    /// <summary>The community the resident said they live in (活动, 预约, 报到 ask once).</summary>
    public HomeCommunity? Home { get; init; }
    /// <summary>Name and phone given for 报名 and 预约: personal data, kept for the next one, never shown back in full.</summary>
    public PersonContact? Contact { get; init; }
    public IReadOnlyList<ResidentRegistration> Registrations { get; init; } = [];
    public IReadOnlyList<ResidentBooking> Bookings { get; init; } = [];
    /// <summary>The 双报到 made here: its number and code, for 我的服务时长.</summary>
    public ReportedHere? Reported { get; init; }
    /// <summary>Wishes told in one message with one already placed, waiting for the resident to press their button.</summary>
    public IReadOnlyList<WishDraft> LaterWishes { get; init; } = [];
    /// <summary>议事 topics raised here, newest first: their numbers and codes, for 我的议题.</summary>
    public IReadOnlyList<Deliberations.ResidentTopic> Topics { get; init; } = [];
    /// <summary>The grid worker this conversation is bound to (格事坊 随手拍); null for residents and liaisons.</summary>
    public GridWorkerBinding? GridWorker { get; init; }
    /// <summary>格事坊 reports filed here, newest first (ids only), for 我的上报.</summary>
    public IReadOnlyList<string> GridReports { get; init; } = [];

    public ConversationData WithOrder(ResidentOrder order) => this with
    {
        Orders = [order, .. Orders.Where(o => o.OrderId != order.OrderId).Take(OrdersKept - 1)],
    };

    public ConversationData WithMicroWish(ResidentMicroWish wish) => this with
    {
        MicroWishes = [wish, .. MicroWishes.Where(w => w.WishId != wish.WishId).Take(OrdersKept - 1)],
    };

    public ConversationData WithRegistration(ResidentRegistration r) => this with
    {
        Registrations = [r, .. Registrations.Where(x => x.ActivityId != r.ActivityId).Take(OrdersKept - 1)],
    };

    public ConversationData WithBooking(ResidentBooking b) => this with
    {
        Bookings = [b, .. Bookings.Where(x => x.BookingId != b.BookingId).Take(OrdersKept - 1)],
    };

    public ResidentMicroWish? FindMicroWish(string wishId) => MicroWishes.FirstOrDefault(w => w.WishId == wishId);

    public ResidentOrder? FindOrder(string orderId) => Orders.FirstOrDefault(o => o.OrderId == orderId);
}
