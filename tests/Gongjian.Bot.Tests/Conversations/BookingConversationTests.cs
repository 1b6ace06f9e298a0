using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Bookings;
using Gongjian.Functions.Bookings;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>
/// 预约活动室 in chat, through the real app (Direct Line, Azure Tables, the 资源清单 and bookings modules): a resident picks the
/// room, the day and a free slot and confirms; an instant room is booked at once, another waits for the owner's approval;
/// a slot taken meanwhile or outside the opening hours is refused plainly with the day's free slots; 我的预约 and 取消预约.
/// </summary>
public sealed class BookingConversationTests(AzuriteFixture azurite) : BotAppTest(azurite)
{
    [Fact]
    public async Task A_resident_books_a_room_and_a_taken_slot_is_refused_with_the_free_ones()
    {
        var room = await Rig.RoomAsync("宝盛网格驿站活动室", instant: true);
        var hall = await Rig.RoomAsync("宝盛物业二楼会议室", instant: false);
        var monday = CommunityLifeRig.Ahead(DayOfWeek.Monday);
        var sunday = CommunityLifeRig.Ahead(DayOfWeek.Sunday);
        var typedMonday = $"{monday.Month}月{monday.Day}日";

        var wang = await StartAsync();
        await CommunityLifeRig.PlayAsync(wang,
            ("预约活动室", "请问您住在哪个社区"),
            ("东七里社区", "可以预约这些场地"),
            ("活动室", "哪一天用"),
            ($"{sunday.Month}月{sunday.Day}日", "不开放，请换一天"),
            (typedMonday, "开放时间 08:30–17:30"),
            ("9:30-10:30", "用来做什么"),
            ("楼栋议事会", "多少人"),
            ("12人", "预约人的姓名"),
            ("王建国", "手机号"),
            ("13700002222", "请确认您的预约"));
        var card = await wang.SayAsync("嗯");
        Assert.Contains("09:30–10:30（北京时间）", card);
        Assert.Contains("137****2222", card);
        await CommunityLifeRig.PlayAsync(wang, ("确认预约", "预约成功！“宝盛网格驿站活动室”"));
        var ledger = await LedgerAsync(room, monday);
        var booked = Assert.Single(ledger.Bookings);
        Assert.Equal((BookingStatus.Approved, "楼栋议事会", 12, "王建国", "13700002222"), (booked.Status, booked.Purpose, booked.People, booked.Name, booked.Phone));
        Assert.Equal(new DateTimeOffset(monday.ToDateTime(new TimeOnly(9, 30)), TimeSpan.FromHours(8)), booked.Start);

        // Another resident wants the same slot: refused plainly, offered the free ones (09:30 is not among them), books the next.
        var li = await StartAsync();
        await CommunityLifeRig.PlayAsync(li,
            ("我想借活动室", "请问您住在哪个社区"),
            ("东七里", "可以预约这些场地"),
            ("宝盛网格驿站活动室", "哪一天用"));
        var slots = await li.SayAsync(typedMonday);
        Assert.Contains("08:30-09:30", slots);
        Assert.DoesNotContain("09:30-10:30", slots);
        await CommunityLifeRig.PlayAsync(li,
            ("09:30-10:30", "用来做什么"),
            ("老年合唱队排练", "多少人"),
            ("20", "姓名"),
            ("李秀英", "手机号"),
            ("13900001111", "请确认您的预约"));
        var taken = await li.SayAsync("确认预约");
        Assert.Contains("抱歉，没能预约：该时段已被预约。请换一个时段", taken);
        Assert.Contains("10:30-11:30", taken);
        // Typed outside the opening hours: the module's answer, and the free slots again.
        await CommunityLifeRig.PlayAsync(li, ("18:00-19:00", "请确认您的预约"), ("确认预约", "所选时段不在开放时间内"), ("10:30-11:30", "请确认您的预约"), ("好的", "预约成功！"));
        ledger = await LedgerAsync(room, monday);
        Assert.Equal(2, ledger.Bookings.Count(b => b.Status == BookingStatus.Approved));
        Assert.Equal(2, ledger.Bookings.Count);

        // The meeting room needs the owner's approval: the request holds the slot meanwhile.
        await CommunityLifeRig.PlayAsync(li,
            ("预约会议室", "可以预约这些场地"),
            ("会议室", "哪一天用"),
            (typedMonday, "14:30-15:30"),
            ("14:30-15:30", "用来做什么"),
            ("社区活动排练", "多少人"), // reads like “社区活动”, but here it is the purpose
            ("8", "请确认您的预约"),
            ("确认预约", "正在等场地所属单位审批"));
        var pending = Assert.Single((await LedgerAsync(hall, monday)).Bookings);
        Assert.Equal((BookingStatus.Pending, "社区活动排练"), (pending.Status, pending.Purpose));
        var mine = await li.SayAsync("我的预约");
        Assert.Contains("10:30–11:30：已预约", mine);
        Assert.Contains("14:30–15:30：待审批", mine);

        // 取消预约 with two standing: which one; then that one is cancelled and its slot is free again.
        var which = await li.SayAsync("取消预约");
        Assert.Contains("要取消哪一个", which);
        var hallBooking = (await LedgerAsync(hall, monday)).Bookings.Single().Id;
        Assert.Contains("已取消“宝盛物业二楼会议室”", await li.SayAsync($"取消预约 {hallBooking}"));
        Assert.Equal(BookingStatus.Cancelled, (await LedgerAsync(hall, monday)).Bookings.Single().Status);
        Assert.Contains("已取消", await li.SayAsync("我的预约"));

        foreach (var chat in new[] { wang, li })
        {
            var said = CommunityLifeRig.BotSaid(chat);
            Assert.DoesNotContain("13700002222", said);
            Assert.DoesNotContain("13900001111", said);
        }
        var transcript = Transcripts.Render("居民预约社区活动室",
            [("居民王建国", wang.Seen), ("居民李秀英（同一时段已被预约）", li.Seen)],
            "测试 `BookingConversationTests.A_resident_books_a_room_and_a_taken_slot_is_refused_with_the_free_ones` 生成（Direct Line，Azurite）。" +
            "两个场地由宝盛物业在资源清单登记并开放预约：活动室即时确认，会议室需审批；周一至周六 8:30–17:30，每时段 1 小时。");
        Assert.DoesNotContain("没太明白", transcript);
        await Transcripts.SaveAsync("booking-room-resident.md", transcript);
    }

    [Fact]
    public async Task A_community_without_bookable_rooms_says_so_and_nothing_is_asked()
    {
        var chat = await StartAsync();
        await CommunityLifeRig.PlayAsync(chat, ("我的预约", "您在这里还没有预约过"), ("预约活动室", "请问您住在哪个社区"), ("东七里社区", "暂时没有开放预约的共享场地"));
        Assert.Contains("您好", await chat.SayAsync("你好")); // back to idle: not waiting on a room
    }

    private CommunityLifeRig Rig => new(App, Cycle);

    private async Task<DirectLineClient> StartAsync()
    {
        var chat = await DirectLineClient.StartAsync(App.Http);
        await chat.BotMessagesAsync(null);
        return chat;
    }

    private async Task<BookingLedgerState> LedgerAsync(string resourceId, DateOnly day) =>
        (await App.Get<BookingStore>().LoadAsync(BookingLimits.LedgerId(resourceId, day), CancellationToken.None))!.State;
}
