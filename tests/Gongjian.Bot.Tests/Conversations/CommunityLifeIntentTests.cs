using Gongjian.Bot.Conversations;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>How 活动, 预约 and 双报到 are read from short messages, and what stays a wish (a place named 活动… with a problem).</summary>
public sealed class CommunityLifeIntentTests
{
    [Theory]
    [InlineData("这周有什么活动", IntentKind.ListActivities, null)]
    [InlineData("最近有啥活动吗？", IntentKind.ListActivities, null)]
    [InlineData("周末有活动吗", IntentKind.ListActivities, null)]
    [InlineData("社区活动", IntentKind.ListActivities, null)]
    [InlineData("我要报名", IntentKind.ListActivities, null)]
    [InlineData("报名活动 HD261206-64GZJF", IntentKind.JoinActivity, "HD261206-64GZJF")]
    [InlineData("取消报名 hd261206-64gzjf", IntentKind.CancelRegistration, "HD261206-64GZJF")]
    [InlineData("取消报名", IntentKind.CancelRegistration, null)]
    [InlineData("我的报名", IntentKind.MyActivities, null)]
    [InlineData("预约活动室", IntentKind.BookRoom, null)]
    [InlineData("我想借会议室", IntentKind.BookRoom, null)]
    [InlineData("我的预约", IntentKind.MyBookings, null)]
    [InlineData("取消预约 bk20261214-08364d30", IntentKind.CancelBooking, "bk20261214-08364d30")]
    [InlineData("我要报到", IntentKind.Report, null)]
    [InlineData("双报到", IntentKind.Report, null)]
    [InlineData("我的服务时长", IntentKind.MyHours, null)]
    [InlineData("查一下服务时长", IntentKind.MyHours, null)]
    [InlineData("活动室的灯坏了", IntentKind.None, null)]
    [InlineData("最近小区活动广场的灯坏了", IntentKind.None, null)]
    [InlineData("活动中心门口有人乱停车", IntentKind.None, null)]
    [InlineData("取消", IntentKind.Cancel, null)]
    public void Messages_are_read_as_their_command(string text, IntentKind kind, string? id)
    {
        var intent = Intents.Parse(text, null);
        Assert.Equal((kind, id), (intent.Kind, intent.OrderId));
    }
}
