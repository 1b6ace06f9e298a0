namespace Gongjian.Functions.Hosting;

public static class QueueNames
{
    /// <summary>Durable timers: messages that become visible when an SLA step is due.</summary>
    public const string OrderTimers = "order-timers";
    /// <summary>Messages to people (resident, liaison, dispatcher, organizer), delivered by the bot and webhooks.</summary>
    public const string Notifications = "notifications";
    public const string WishTimers = "wish-timers";
    /// <summary>The projects module's durable timers: milestone reminders and 督办.</summary>
    public const string ProjectTimers = "project-timers";
    /// <summary>活动预告与报名: registration deadlines and day-before reminders.</summary>
    public const string ActivityTimers = "activity-timers";
    /// <summary>The bookings module's durable timers: unanswered requests and slot reminders.</summary>
    public const string BookingTimers = "booking-timers";
    /// <summary>议事: the review reminder, the reminder before a meeting and the vote's deadline.</summary>
    public const string DeliberationTimers = "deliberation-timers";
    public static readonly string[] All = [OrderTimers, Notifications, WishTimers, ProjectTimers, ActivityTimers, BookingTimers, DeliberationTimers];

    public static string Poison(string queue) => queue + "-poison";
}
