using Gongjian.Bot.Tests.Support;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>
/// With the real offline understanding: traditional characters are read like simplified ones, and a message with
/// two problems becomes two wishes, each confirmed on its own card.
/// </summary>
public sealed class SeveralProblemsConversationTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task A_wish_in_traditional_characters_is_read_like_a_simplified_one()
    {
        await using var app = await BotTestApp.StartAsync(azurite, scriptedUnderstanding: false);
        var chat = await DirectLineClient.StartAsync(app.Http);
        await chat.BotMessagesAsync(null);
        var card = await chat.SayAsync("東七里社區寶盛小區3號樓樓道燈壞了一個星期了，電話13805381234");
        Assert.Contains("请确认您的诉求", card);
        Assert.Contains("类别：设施维修", card);
        Assert.Contains("社区：东七里社区", card);
        Assert.Contains("宝盛小区3号楼楼道", card);
        Assert.Contains("已提交", await chat.SayAsync("确认提交"));
    }

    [Fact]
    public async Task Two_problems_in_one_message_become_two_wishes_each_confirmed()
    {
        await using var app = await BotTestApp.StartAsync(azurite, scriptedUnderstanding: false);
        var chat = await DirectLineClient.StartAsync(app.Http);
        await chat.BotMessagesAsync(null);
        // The transcript, to read as the resident would (docs/UNDERSTANDING.md, "Several problems in one message").
        async Task<string> Say(string text)
        {
            var reply = await chat.SayAsync(text);
            output.WriteLine($"居民：{text}\n小助手：{reply}\n");
            return reply;
        }

        var first = await Say("东七里社区宝盛小区3号楼楼道灯坏了 还有楼下那辆僵尸车好几年没人管 电话13805381234");
        Assert.Contains("您说了 2 件事", first);
        Assert.Contains("先登记第一件：“东七里社区宝盛小区3号楼楼道灯坏了”", first);
        Assert.Contains("类别：设施维修", first);
        // The first card holds the first problem's words only: not the car, and the phone only in its own field.
        Assert.Contains("{\"title\":\"问题\",\"value\":\"东七里社区宝盛小区3号楼楼道灯坏了\"}", first);

        var placed = await Say("确认提交");
        Assert.Contains("已提交", placed);
        Assert.Contains("还有 1 件事没登记", placed);
        Assert.Contains("楼下那辆僵尸车好几年没人管|我要点单", placed);

        // Its button shows its card at once: the community and phone the resident gave are not asked again,
        // and the place is the spot in its own words (楼下) at the building the message named.
        var second = await Say("楼下那辆僵尸车好几年没人管");
        Assert.Contains("请确认您的诉求", second);
        Assert.Contains("问题：楼下那辆僵尸车好几年没人管", second);
        Assert.Contains("类别：停车交通", second);
        Assert.Contains("社区：东七里社区", second);
        Assert.Contains("地点：宝盛小区3号楼楼下", second);
        Assert.Contains("电话：13805381234", second);
        var placedSecond = await Say("确认提交");
        Assert.Contains("已提交", placedSecond);
        Assert.DoesNotContain("没登记", placedSecond);

        var transcript = Transcripts.Render("居民一句话说了两件事，分两次登记", [("居民", chat.Seen)],
            "测试 `SeveralProblemsConversationTests.Two_problems_in_one_message_become_two_wishes_each_confirmed` 生成（Direct Line，Azurite，离线理解）。");
        Assert.DoesNotContain("没太明白", transcript);
        Assert.DoesNotContain("哪个社区", transcript);
        await Transcripts.SaveAsync("several-problems-resident.md", transcript);
    }
}
