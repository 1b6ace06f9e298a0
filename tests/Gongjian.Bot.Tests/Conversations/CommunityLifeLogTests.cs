using Gongjian.Bot.Tests.Support;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>
/// 双报到, 报名 and 预约 in chat with every log line captured (all levels, values and scopes): the name, phone and work unit a
/// person typed reach the modules, never the logs.
/// </summary>
public sealed class CommunityLifeLogTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly LogLines _logs = new();
    private BotTestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await BotTestApp.StartAsync(azurite, services: _logs.AddTo);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Names_phones_and_work_units_typed_in_chat_are_not_logged()
    {
        var cycle = new OrderCycle(_app);
        var rig = new CommunityLifeRig(_app, cycle);
        var activity = await rig.AnnounceAsync("邻里节", capacity: 5);
        await rig.RoomAsync("宝盛网格驿站活动室", instant: true);
        var monday = CommunityLifeRig.Ahead(DayOfWeek.Monday);

        var chat = await DirectLineClient.StartAsync(_app.Http);
        await chat.BotMessagesAsync(null);
        await CommunityLifeRig.PlayAsync(chat,
            ("我要报到", "哪个社区"), ("东七里社区", "身份"), ("志愿者", "姓名"), ("欧阳春晓", "手机号"), ("15866661234", "工作单位"), ("泰山区东岳小学", "服务队"),
            ("巾帼志愿服务队", "报到已提交"),
            ($"报名活动 {activity}", "报名成功"),
            ("预约活动室", "哪一天"), ($"{monday.Month}月{monday.Day}日", "空闲时段"), ("08:30-09:30", "用来做什么"), ("读书会", "多少人"), ("6", "请确认"),
            ("确认预约", "预约成功"),
            ("我的服务时长", "今年的服务时长"));

        Assert.True(_logs.Lines.Count > 10, $"the capture saw {_logs.Lines.Count} lines"); // the app did log (requests, the engine)
        foreach (var secret in new[] { "欧阳春晓", "15866661234", "泰山区东岳小学" })
            Assert.DoesNotContain(_logs.Lines, line => line.Contains(secret));
    }
}
