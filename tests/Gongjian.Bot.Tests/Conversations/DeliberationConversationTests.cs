using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Deliberations;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Deliberations;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>
/// 议事 in chat, through the real app (Direct Line, Azure Tables, the 议事 module): a resident says “我想提个议题：…”, chooses
/// their community, leaves a name and phone (never said back in full), and the topic is raised for the community's staff;
/// the chat is told as staff accept it and schedule the meeting in the console's API, and “我的议题” follows it.
/// </summary>
public sealed class DeliberationConversationTests(AzuriteFixture azurite) : BotAppTest(azurite)
{
    [Fact]
    public async Task A_resident_raises_a_topic_and_follows_it_through_review_and_the_meeting()
    {
        var chat = await DirectLineClient.StartAsync(App.Http);
        await chat.BotMessagesAsync(null);
        await CommunityLifeRig.PlayAsync(chat,
            ("我的议题", "您还没有在这里提过议题"),
            ("我想提个议题：宝盛小区东门想加装电动车充电桩，楼道里充电太危险了，电线都拖到楼梯口。", "请问您住在哪个社区"),
            ("东七里社区", "怎么称呼您"),
            ("我叫王秀兰", "手机号"),
            ("1380538", "号码好像不对"),
            ("13805381234", "议题已提交！“宝盛小区东门想加装电动车充电桩”已送到东七里社区（联系电话 138****1234）"),
            ("我的议题", "进度：提 · 待审核"));

        // The resident's name and phone are kept for the community's staff; the topic is theirs to review.
        var dispatcher = await App.KeyAsync(ActorRole.Dispatcher, "dongqili", "东七里社区工作人员");
        var id = System.Text.RegularExpressions.Regex.Match(CommunityLifeRig.BotSaid(chat), @"YS\d{6}-[23456789A-HJ-NP-Z]{6}").Value;
        var state = (await App.Get<DeliberationStore>().LoadAsync(id, CancellationToken.None))!.State;
        Assert.Equal((DeliberationStatus.Raised, "王秀兰", "13805381234", "dongqili"), (state.Status, state.Contact!.Name, state.Contact.Phone, state.CommunityId));

        // Staff accept it and schedule the meeting: the resident reads each step.
        Assert.True((await Cycle.PostAsync($"/api/deliberations/{id}/accept", dispatcher, null)).IsSuccessStatusCode);
        Assert.Contains("社区会召集相关各方开议事会商量", await MicroWishConversationTests.WaitForAsync(chat, "已被社区受理"));
        Assert.Contains("进度：审 · 已受理，待议事", await chat.SayAsync("议题进度"));
        var meeting = DateTimeOffset.UtcNow.AddDays(3);
        var scheduled = await Cycle.PostAsync($"/api/deliberations/{id}/meeting", dispatcher,
            new { at = meeting, place = "八仙议事厅", parties = new[] { "resident_reps", "property_company" } });
        Assert.True(scheduled.IsSuccessStatusCode, await scheduled.Content.ReadAsStringAsync());
        var told = await MicroWishConversationTests.WaitForAsync(chat, "开议事会商量");
        Assert.Contains($"{meeting.ToOffset(TimeSpan.FromHours(8)):M月d日 HH:mm} 在八仙议事厅", told);
        var progress = await chat.SayAsync("我的议题");
        Assert.Contains("进度：议 · 议事中", progress);
        Assert.Contains("在八仙议事厅召开，欢迎发表意见", progress);

        var said = CommunityLifeRig.BotSaid(chat);
        Assert.DoesNotContain("13805381234", said);
        Assert.DoesNotContain("王秀兰", said);
        var transcript = Transcripts.Render("居民在聊天里提议题并查看议事进度",
            [("居民王秀兰", chat.Seen)],
            "测试 `DeliberationConversationTests.A_resident_raises_a_topic_and_follows_it_through_review_and_the_meeting` 生成（Direct Line，Azurite）。" +
            "议题提交后，东七里社区工作人员在工作台受理，并安排了八仙议事厅的议事会；每一步都主动告诉了居民。");
        Assert.DoesNotContain("没太明白", transcript);
        await Transcripts.SaveAsync("deliberation-topic-resident.md", transcript);
    }
}
