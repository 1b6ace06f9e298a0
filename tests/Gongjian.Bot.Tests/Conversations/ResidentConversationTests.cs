using Gongjian.Functions.Orders;
using Gongjian.Bot.Tests.Support;
using Gongjian.Functions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>
/// The resident's conversation as tables of utterance → what the bot's answer must contain, run
/// through the real app (Direct Line, Azure Tables, the order store). "{order}" in an expectation
/// stands for the order number the bot gave earlier in the same conversation.
/// </summary>
public sealed class ResidentConversationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private BotTestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await BotTestApp.StartAsync(azurite);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, (string Say, string Expect)[]> Scripts => new()
    {
        {
            "A wish in one message, only the phone missing",
            [
                ("三楼楼道灯坏了一个星期了，东七里社区宝盛小区3号楼", "联系电话"),
                ("13805381234", "请确认您的诉求"),
                ("确认提交", "已提交！您的工单号：GJ"),
                ("查进度", "待派单"),
            ]
        },
        {
            "Every field asked for, full-width phone digits accepted",
            [
                ("我要点单", "遇到了什么问题"),
                ("家门口的路不好走，想请人看看", "属于哪一类"),
                ("设施维修", "哪个社区"),
                ("东七里", "具体地点"),
                ("宝盛小区5号楼", "联系电话"),
                ("１３９０５３８２３４５", "电话：13905382345"),
                ("确认提交", "查询码"),
            ]
        },
        {
            "Bad answers get a specific re-prompt, never a dead end",
            [
                ("我要点单", "遇到了什么问题"),
                ("灯", "多说几个字"),
                ("楼道灯坏了好几天", "哪个社区"),
                ("火星社区", "没找到这个社区"),
                ("三联社区", "具体地点"),
                ("三联小区7号楼", "联系电话"),
                ("12345", "号码好像不对"),
                ("13905382345", "确认提交"),
                ("嗯？", "确认提交"),
            ]
        },
        {
            "取消 and 帮助 interrupt at any step",
            [
                ("楼道灯坏了好几天", "哪个社区"),
                ("帮助", "我可以帮您"),
                ("东七里社区", "具体地点"),
                ("取消", "已取消"),
                ("取消", "没有进行中的事情"),
                ("查进度", "还没有提交过工单"),
            ]
        },
        {
            "查进度 in the middle of a wish answers, then asks the same question again",
            [
                ("我要点单", "遇到了什么问题"),
                ("我的单子到哪了", "还没有提交过工单"),
                ("楼道灯坏了很久了", "哪个社区"),
                ("帮助", "哪个社区"),
                ("东七里", "具体地点"),
            ]
        },
        {
            "修改 on the summary card changes one field and shows the card again",
            [
                ("楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234", "请确认您的诉求"),
                ("修改", "修改哪一项"),
                ("电话", "联系电话"),
                ("13905382345", "电话：13905382345"),
                ("确认提交", "已提交"),
            ]
        },
        {
            "Greeting, help and things that are not understood",
            [
                ("你好", "我要点单"),
                ("？", "我可以帮您"),
                ("嗯", "没太明白"),
                ("我的评价", "没有待评价的工单"),
            ]
        },
    };

    [Fact]
    public async Task A_bot_error_apologises_in_chinese_and_starts_over()
    {
        var chat = await DirectLineClient.StartAsync(_app.Http);
        await chat.BotMessagesAsync(null);
        Assert.Contains("遇到了什么问题", await chat.SayAsync("我要点单"));
        _app.Understanding.FailNext = true;
        var apology = await chat.SayAsync("楼道灯坏了好几天");
        Assert.Contains("抱歉，系统出了点问题", apology);
        Assert.Contains("我要点单|许个微心愿|查进度|我的评价|帮助", apology);
        Assert.Contains("没有进行中的事情", await chat.SayAsync("取消"));
        Assert.Contains("哪个社区", await chat.SayAsync("楼道灯坏了好几天"));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Resident_conversation_follows_the_script(string name, (string Say, string Expect)[] script)
    {
        var chat = await DirectLineClient.StartAsync(_app.Http);
        var greeting = string.Join("\n", (await chat.BotMessagesAsync(null)).Select(DirectLineClient.Describe));
        Assert.Contains("共建小助手", greeting);
        Assert.Contains("我要点单|许个微心愿|查进度|我的评价|帮助", greeting);
        string? orderId = null;
        foreach (var (say, expect) in script)
        {
            var reply = await chat.SayAsync(say);
            Assert.True(reply.Contains(expect.Replace("{order}", orderId ?? "?")), $"[{name}] '{say}' → expected '{expect}' in:\n{reply}");
            orderId ??= System.Text.RegularExpressions.Regex.Match(reply, @"GJ\d{6}-[A-Z0-9]{6}") is { Success: true } m ? m.Value : null;
        }
        if (script.Any(s => s.Expect.Contains("已提交") || s.Expect == "查询码"))
        {
            Assert.NotNull(orderId);
            var stored = await _app.Get<OrderStore>().LoadAsync(orderId!, CancellationToken.None);
            Assert.NotNull(stored);
        }
    }
}
