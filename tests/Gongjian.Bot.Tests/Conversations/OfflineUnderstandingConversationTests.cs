using Gongjian.Bot.Tests.Support;
using Gongjian.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>The conversation with the understanding the app really registers (offline rules and classifier), not the scripted stand-in.</summary>
public sealed class OfflineUnderstandingConversationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_whole_wish_in_one_message_goes_straight_to_the_summary_card()
    {
        await using var app = await BotTestApp.StartAsync(azurite, scriptedUnderstanding: false);
        Assert.IsNotType<ScriptedUnderstanding>(app.Services.GetRequiredService<IWishUnderstanding>());
        var chat = await DirectLineClient.StartAsync(app.Http);
        await chat.BotMessagesAsync(null);
        var card = await chat.SayAsync("东七里社区宝盛小区3号楼楼道灯坏了一个星期了，电话13805381234");
        Assert.Contains("请确认您的诉求", card);
        Assert.Contains("类别：设施维修", card);
        Assert.Contains("社区：东七里社区", card);
        Assert.Contains("电话：13805381234", card);
        Assert.Contains("已提交", await chat.SayAsync("确认提交"));
    }
}
