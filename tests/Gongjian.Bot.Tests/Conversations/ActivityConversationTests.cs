using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Activities;
using Gongjian.Functions.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>
/// 活动报名 in chat, through the real app (Direct Line, Azure Tables, the activities module): residents ask what is on this
/// week, register with one tap (the name and phone asked once), land on the waiting list when it is full, are told plainly
/// when they registered already or the deadline passed, and cancel — the first one waiting moves up. GONGJIAN_TRANSCRIPTS saves the chat.
/// </summary>
public sealed class ActivityConversationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ShiftedClock _clock = new();
    private BotTestApp _app = null!;
    private CommunityLifeRig _rig = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await BotTestApp.StartAsync(azurite, services: s => s.AddSingleton<TimeProvider>(_clock));
        _rig = new CommunityLifeRig(_app, new OrderCycle(_app));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Residents_register_from_the_list_wait_when_it_is_full_and_move_up_when_someone_cancels()
    {
        var cleanup = await _rig.AnnounceAsync("学雷锋志愿服务日", capacity: 1, clock: _clock);
        var film = await _rig.AnnounceAsync("社区露天电影", capacity: 30, clock: _clock);

        var wang = await StartAsync();
        await CommunityLifeRig.PlayAsync(wang, ("这周有什么活动", "请问您住在哪个社区"));
        var list = await wang.SayAsync("东七里社区");
        Assert.Contains("东七里社区近期活动", list);
        Assert.Contains("学雷锋志愿服务日", list);
        Assert.Contains("社区露天电影", list);
        Assert.Contains("还剩 1 个（共 1 个）", list);
        Assert.Contains($"报名活动 {cleanup}", list);
        await CommunityLifeRig.PlayAsync(wang,
            ($"报名活动 {cleanup}", "请问您叫什么名字"),
            ("王建国", "请留一个手机号"),
            ("13700002222", "报名成功！“学雷锋志愿服务日”"));
        var checkIn = (await StateAsync(cleanup)).Registered.Single().CheckInCode;
        Assert.Contains($"签到码：{checkIn}", CommunityLifeRig.BotSaid(wang));
        // Registered already: said plainly, nothing written twice.
        Assert.Contains("抱歉，没能报名：您已报名这次活动，无需重复报名。", await wang.SayAsync($"报名活动 {cleanup}"));

        // Full now: the next resident is put on the waiting list at position 1.
        var li = await StartAsync();
        await CommunityLifeRig.PlayAsync(li, ("最近有啥活动吗", "请问您住在哪个社区"));
        var full = await li.SayAsync("东七里");
        Assert.Contains("已报满，可报名候补", full);
        await CommunityLifeRig.PlayAsync(li,
            ($"报名活动 {cleanup}", "叫什么名字"),
            ("我叫李秀英", "手机号"),
            ("139 0000 1111", "您是候补第1位"));
        Assert.Contains("您已在候补名单第1位，无需重复报名", await li.SayAsync($"报名活动 {cleanup}"));
        // The second registration of the same chat needs no name and phone again.
        Assert.Contains("报名成功！“社区露天电影”", await li.SayAsync($"报名活动 {film}"));
        var mine = await li.SayAsync("我的报名");
        Assert.Contains("“学雷锋志愿服务日”", mine);
        Assert.Contains("候补第1位", mine);

        // Wang cancels: Li moves up from the waiting list.
        Assert.Contains("已取消“学雷锋志愿服务日”的报名", await wang.SayAsync("取消报名"));
        var state = await StateAsync(cleanup);
        Assert.Empty(state.Waiting);
        Assert.Equal("李秀英", state.Registered.Single().Name);
        Assert.Equal("13900001111", state.Registered.Single().Phone);
        // Li's chat is told at once, with the check-in code.
        Assert.Contains($"您已从候补转为正式报名：“学雷锋志愿服务日”", await NoticeAsync(li, $"签到码 {state.Registered.Single().CheckInCode}，请准时参加"));
        var promoted = await li.SayAsync("我的报名");
        Assert.Contains($"已报名，签到码 {state.Registered.Single().CheckInCode}", promoted);
        // Li has two registrations: 取消报名 asks which.
        var which = await li.SayAsync("取消报名");
        Assert.Contains("要取消哪一个", which);
        Assert.Contains($"取消报名 {film}", which);

        // Personal data: the bot never says a phone or a name back.
        foreach (var chat in new[] { wang, li })
        {
            var said = CommunityLifeRig.BotSaid(chat);
            Assert.DoesNotContain("13700002222", said);
            Assert.DoesNotContain("13900001111", said);
            Assert.DoesNotContain("王建国", said);
            Assert.DoesNotContain("李秀英", said);
        }
        var transcript = Transcripts.Render("居民查看近期活动、报名、候补和取消",
            [("居民王建国", wang.Seen), ("居民李秀英（名额已满，候补）", li.Seen)],
            "测试 `ActivityConversationTests.Residents_register_from_the_list_wait_when_it_is_full_and_move_up_when_someone_cancels` 生成（Direct Line，Azurite）。" +
            "活动由东七里社区在工作台发布；“学雷锋志愿服务日”只有 1 个名额。");
        Assert.DoesNotContain("没太明白", transcript);
        await Transcripts.SaveAsync("activity-registration-resident.md", transcript);
    }

    [Fact]
    public async Task A_new_place_and_a_cancellation_are_told_to_the_chats_that_registered_and_the_reminder_carries_the_code()
    {
        var walk = await _rig.AnnounceAsync("重阳节登山", capacity: 1, clock: _clock);
        var (zhou, qian) = (await StartAsync(), await StartAsync());
        await CommunityLifeRig.PlayAsync(zhou, ("社区活动", "住在哪个社区"), ("东七里社区", "重阳节登山"), ($"报名活动 {walk}", "叫什么名字"), ("周桂兰", "手机号"),
            ("13700003333", "报名成功"));
        await CommunityLifeRig.PlayAsync(qian, ("社区活动", "住在哪个社区"), ("东七里社区", "重阳节登山"), ($"报名活动 {walk}", "叫什么名字"), ("钱大勇", "手机号"),
            ("13700004444", "候补第1位"));

        // The day-before reminder (the module's timer, run here at once): the registered chat gets its code, the waiting one nothing.
        var state = await StateAsync(walk);
        await _app.Services.GetRequiredService<ActivityNotifier>().RemindAsync(
            new Gongjian.Engine.TimerMessage { Id = $"{walk}:remind", InstanceId = walk, Step = "start", Stage = Gongjian.Domain.Workflow.TimerStage.Remind, StepStartedAt = state.CreatedAt, FireAt = _clock.GetUtcNow() },
            state, CancellationToken.None);
        Assert.Contains($"提醒：您报名的“重阳节登山”将于", await NoticeAsync(zhou, $"签到码 {state.Registered.Single().CheckInCode}，请准时参加"));

        var dispatcher = await _app.KeyAsync(Gongjian.Domain.Orders.ActorRole.Dispatcher, "dongqili", "东七里社区工作人员");
        // The place revised (the rest as announced): both chats are told, the waiting one too.
        var revised = await new OrderCycle(_app).PostAsync($"/api/activities/{walk}/revise", dispatcher,
            new { title = state.Title, category = state.Category, description = state.Description, place = "泰山红门游客中心广场" });
        Assert.Equal(200, (int)revised.StatusCode);
        foreach (var chat in new[] { zhou, qian })
            Assert.Contains("您报名的“重阳节登山”", await NoticeAsync(chat, "地点改为：泰山红门游客中心广场。时间不变，请留意。"));
        var cancelled = await new OrderCycle(_app).PostAsync($"/api/activities/{walk}/cancel", dispatcher, new { reason = "天气预报有大雨" });
        Assert.Equal(200, (int)cancelled.StatusCode);
        foreach (var chat in new[] { zhou, qian })
            Assert.Contains("很抱歉，您报名的“重阳节登山”", await NoticeAsync(chat, "已取消：天气预报有大雨。"));
        Assert.DoesNotContain("提醒：", CommunityLifeRig.BotSaid(qian));
        Assert.DoesNotContain("13700003333", CommunityLifeRig.BotSaid(zhou));
        var transcript = Transcripts.Render("报名后的提醒与活动取消通知",
            [("居民周桂兰（已报名）", zhou.Seen), ("居民钱大勇（候补）", qian.Seen)],
            "测试 `ActivityConversationTests.A_new_place_and_a_cancellation_are_told_to_the_chats_that_registered_and_the_reminder_carries_the_code` 生成（Direct Line，Azurite）。" +
            "“重阳节登山”只有 1 个名额；活动前一天的提醒由测试直接触发，随后社区在工作台修改了活动地点，最后取消活动。");
        await Transcripts.SaveAsync("activity-notices-resident.md", transcript);
    }

    /// <summary>Waits (a hang guard, generous for a loaded machine) until the bot has said <paramref name="text"/> in the chat unprompted; returns all it said.</summary>
    private static async Task<string> NoticeAsync(DirectLineClient chat, string text)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await chat.PollAsync();
            var said = CommunityLifeRig.BotSaid(chat);
            if (said.Contains(text)) return said;
            if (waited.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException($"The chat was not told '{text}'; it read:\n{said}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Registration_after_the_deadline_is_refused_politely_and_nothing_is_written()
    {
        var talk = await _rig.AnnounceAsync("健康讲座：冬季防跌倒", capacity: 20, deadlineIn: TimeSpan.FromMinutes(10), clock: _clock);
        var chat = await StartAsync();
        await CommunityLifeRig.PlayAsync(chat, ("取消报名", "您在这里还没有报名活动"), ("社区活动", "请问您住在哪个社区"), ("东七里社区", $"报名活动 {talk}"));

        _clock.Shift(TimeSpan.FromMinutes(20)); // the deadline passed (the chat's token still holds); the activity has not started
        var list = await chat.SayAsync("这周有什么活动");
        Assert.Contains("报名已截止", list);
        Assert.DoesNotContain($"报名活动 {talk}\"", list); // no 报名 button on the card any more
        // Refused before anyone is asked for a name and phone.
        var refused = await chat.SayAsync($"报名活动 {talk}");
        Assert.Contains("抱歉，没能报名：报名已截止，欢迎关注下一次活动。", refused);
        Assert.DoesNotContain("叫什么名字", refused);
        Assert.Empty((await StateAsync(talk)).Registered);
        Assert.Contains("活动：发送“这周有什么活动”", await chat.SayAsync("帮助"));
        Assert.Contains("抱歉，没能报名：活动不存在", await chat.SayAsync("报名活动 HD000000-222222"));
        Assert.Equal(ActivityStatus.Open, (await StateAsync(talk)).Status); // the rules refuse on the deadline itself; no timer ran
        var transcript = Transcripts.Render("报名截止后再报名",
            [("居民赵红梅", chat.Seen)],
            "测试 `ActivityConversationTests.Registration_after_the_deadline_is_refused_politely_and_nothing_is_written` 生成（Direct Line，Azurite）。" +
            "“健康讲座：冬季防跌倒”的报名截止时间在对话中途过去（测试时钟前移 20 分钟）。");
        Assert.DoesNotContain("没太明白", transcript);
        await Transcripts.SaveAsync("activity-deadline-passed.md", transcript);
    }

    private async Task<DirectLineClient> StartAsync()
    {
        var chat = await DirectLineClient.StartAsync(_app.Http);
        await chat.BotMessagesAsync(null);
        return chat;
    }

    private async Task<ActivityState> StateAsync(string id) => (await _app.Get<ActivityStore>().LoadAsync(id, CancellationToken.None))!.State;
}
