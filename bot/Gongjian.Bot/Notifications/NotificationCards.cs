using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations;
using Gongjian.Bot.Conversations.Liaison;
using Gongjian.Bot.Conversations.Resident;

namespace Gongjian.Bot.Notifications;

/// <summary>How a notification reads in chat: the 接单/拒单 card for a dispatched order, plain text otherwise.</summary>
public static class NotificationCards
{
    public static Reply ForUnit(Notification n)
    {
        if (n.Kind != "dispatched" || n.OrderId is not { } orderId) return new Reply(n.Text);
        var text = n.DueAt is { } due ? $"{n.Text}\n请在 {ResidentTexts.Local(due)} 前接单。" : n.Text;
        var card = new HeroCard(LiaisonTexts.DispatchedTitle(n.Title), $"工单号：{orderId}", text,
        [
            Buttons.MessageBack(Texts.Accept, $"{Texts.Accept} {orderId}", Intents.AcceptData(orderId)),
            Buttons.MessageBack(Texts.Decline, $"{Texts.Decline} {orderId}", Intents.DeclineData(orderId)),
        ]);
        return new Reply("您有一张新工单，请处理：", null, [card.ToAttachment()]);
    }

    public static string Heading(Notification n) => n.Kind switch
    {
        "dispatched" => LiaisonTexts.DispatchedTitle(n.Title),
        "reminder" => "催办提醒",
        "escalation" => "督办通知",
        _ => "工单动态",
    };

    /// <summary>What a staff notice is called, in the console's inbox and in a community's or street's group robot.</summary>
    public static string StaffHeading(string kind) => kind switch
    {
        "placed" => "新工单",
        "declined" => "拒单",
        "withdrawn" => "超时未接单",
        "cancelled" => "居民取消",
        "escalation" => "督办",
        "reminder" => "催办",
        "digest" => "超时汇总",
        "wish_submitted" => "新心愿",
        "wish_claimed" => "心愿认领",
        "wish_released" => "放弃认领",
        "wish_fulfilled" => "心愿实现",
        "wish_reminder" => "心愿提醒",
        "project_claimed" => "项目认领",
        _ => "通知",
    };
}
