using System.Net.Http.Json;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;
using Gongjian.Domain.People;
using Gongjian.Functions.People;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>
/// 双报到 in chat, through the real app (Direct Line, Azure Tables, the 个人报到 module): a party member reports to their home
/// community (name, phone, work unit — never said back in full — and the 服务队 they want to join), staff confirm (the team
/// is joined with it) and log hours in the console's API, and
/// “我的服务时长” shows the person's own hours and points; the same phone cannot report twice.
/// </summary>
public sealed class ReportConversationTests(AzuriteFixture azurite) : BotAppTest(azurite)
{
    [Fact]
    public async Task A_party_member_reports_to_the_community_and_reads_their_hours_and_points()
    {
        var chat = await StartAsync();
        await CommunityLifeRig.PlayAsync(chat,
            ("我的服务时长", "您还没有在这里报到"),
            ("我要报到", "请问您住在哪个社区"),
            ("东七里社区", "以什么身份报到"),
            ("党员", "您的姓名"),
            ("我叫张志强", "手机号"),
            ("138-0538-6677", "工作单位"),
            ("泰山区财政局", "想加入哪一支"),
            ("随便吧", "请点一支服务队的名字"),
            ("学雷锋", "报到已提交！您已向东七里社区报到（手机 138****6677）"));
        Assert.Contains("您申请加入“学雷锋志愿服务队”", CommunityLifeRig.BotSaid(chat));
        var id = PersonModule.IdFor("dongqili", App.Get<Gongjian.Functions.Access.PersonKeys>().Of("13805386677"));
        var state = await StateAsync(id);
        Assert.Equal((PersonStatus.Registered, PersonKind.PartyMember, "张志强", "13805386677", "泰山区财政局"),
            (state.Status, state.Kind, state.Name, state.Phone, state.WorkUnit));
        Assert.Empty(state.Teams); // joined when the community confirms the report
        Assert.Contains("：待确认", await chat.SayAsync("我的服务时长"));

        // The community confirms the report and logs three hours of service; the person reads their own totals.
        var dispatcher = await App.KeyAsync(ActorRole.Dispatcher, "dongqili", "东七里社区工作人员");
        Assert.True((await Cycle.PostAsync($"/api/people/{Uri.EscapeDataString(id)}/confirm", dispatcher, null)).IsSuccessStatusCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        var logged = await Cycle.PostAsync($"/api/people/{Uri.EscapeDataString(id)}/hours", dispatcher, new { date = today, hours = 3, what = "小区楼道清理" });
        Assert.True(logged.IsSuccessStatusCode, await logged.Content.ReadAsStringAsync());
        var hours = await chat.SayAsync("我的服务时长");
        Assert.Contains("东七里社区的报到（在职党员）：已确认", hours);
        Assert.Contains("今年的服务时长：3 小时，积分 30 分", hours);
        Assert.Contains("所在队伍：学雷锋志愿服务队", hours);

        // The same phone again (another chat): refused plainly; the community is remembered per chat, asked there once.
        var again = await StartAsync();
        await CommunityLifeRig.PlayAsync(again,
            ("双报到", "请问您住在哪个社区"), ("东七里社区", "以什么身份报到"), ("在职党员", "姓名"), ("张志强", "手机号"), ("13805386677", "工作单位"),
            ("泰山区财政局", "想加入哪一支"), ("暂不加入", "抱歉，报到没有成功：这个手机号已在本社区报到。"));
        Assert.Contains("您还没有在这里报到", await again.SayAsync("我的服务时长"));

        // Reported here: 报名 for an activity uses the same name and phone, not asked again.
        var activity = await new CommunityLifeRig(App, Cycle).AnnounceAsync("党员志愿服务日", capacity: 10);
        Assert.Contains("报名成功！“党员志愿服务日”", await chat.SayAsync($"报名活动 {activity}"));

        var said = CommunityLifeRig.BotSaid(chat) + CommunityLifeRig.BotSaid(again);
        Assert.DoesNotContain("13805386677", said);
        Assert.DoesNotContain("张志强", said);
        Assert.DoesNotContain("泰山区财政局", said);
        var transcript = Transcripts.Render("在职党员向社区报到并查看服务时长",
            [("在职党员张志强", chat.Seen), ("同一手机号在另一个对话再次报到", again.Seen)],
            "测试 `ReportConversationTests.A_party_member_reports_to_the_community_and_reads_their_hours_and_points` 生成（Direct Line，Azurite）。" +
            "报到后，东七里社区工作人员在工作台确认并登记了 3 小时服务时长。");
        Assert.DoesNotContain("没太明白", transcript);
        await Transcripts.SaveAsync("report-party-member.md", transcript);
    }

    private async Task<DirectLineClient> StartAsync()
    {
        var chat = await DirectLineClient.StartAsync(App.Http);
        await chat.BotMessagesAsync(null);
        return chat;
    }

    private async Task<PersonState> StateAsync(string id) => (await App.Get<PersonStore>().LoadAsync(id, CancellationToken.None))!.State;
}
