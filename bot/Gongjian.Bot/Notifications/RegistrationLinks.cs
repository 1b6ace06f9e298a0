namespace Gongjian.Bot.Notifications;

/// <summary>
/// A registration made in chat is linked to its conversation under its activity and the person's key, so the activity's
/// notices to that person (the day-before reminder, a move up from the waiting list, a cancellation) reach that chat;
/// a registration made elsewhere has no link and gets nothing (the organiser calls those people).
/// </summary>
public static class RegistrationLinks
{
    public static string Key(string activityId, string personKey) => $"{activityId}~{personKey}";
}
