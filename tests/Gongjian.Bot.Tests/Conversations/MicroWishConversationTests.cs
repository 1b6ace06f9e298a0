using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Wishes;
using Gongjian.Functions.Wishes;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>
/// 微心愿 in chat, through the real app (Direct Line, Azure Tables, the wish module's store and notifier): a resident
/// posts a wish, follows it, hears when it is published, claimed and fulfilled (in process, as the engine relays each
/// change), and confirms it; another withdraws one before a claim. GONGJIAN_TRANSCRIPTS=folder saves the conversations.
/// </summary>
public sealed partial class MicroWishConversationTests(AzuriteFixture azurite) : BotAppTest(azurite)
{
    [Fact]
    public async Task A_resident_posts_a_wish_follows_it_and_confirms_it_once_fulfilled()
    {
        var chat = await DirectLineClient.StartAsync(App.Http);
        await chat.BotMessagesAsync(null);
        (string Say, string Expect)[] script =
        [
            ("我想许个微心愿", "请说说您的心愿"),
            ("家里老人腿脚不好，想要一辆轮椅，方便推她出门晒太阳", "哪个社区"),
            ("东七里社区", "心愿墙上想用什么昵称"),
            ("小雨外婆", "联系电话"),
            ("138 0538 1234", "请确认您的微心愿"),
            ("确认提交", "心愿编号：WX"),
        ];
        await PlayAsync(chat, script);
        var card = chat.Seen.Where(DirectLineClient.IsBotMessage).Select(DirectLineClient.Describe).Single(d => d.Contains("请确认您的微心愿"));
        Assert.Contains("助老助残", card); // read from “轮椅”, not asked
        Assert.Contains("小雨外婆", card);
        var posted = chat.Seen.Where(DirectLineClient.IsBotMessage).Select(a => (string?)a["text"]).Last(t => t!.Contains("心愿编号"))!;
        var wishId = WishNumber().Match(posted).Value;
        var code = Regex.Match(posted, @"查询码：([A-Z0-9]{4}-[A-Z0-9]{4})").Groups[1].Value;

        var stored = await StateAsync(wishId);
        Assert.Equal(WishStatus.Submitted, stored.Status);
        Assert.Equal("care", stored.Category);
        Assert.Equal("dongqili", stored.CommunityId);
        Assert.Equal("13805381234", stored.Contact!.Phone);
        Assert.Equal("小雨外婆", stored.Nickname);
        Assert.Equal("家里老人腿脚不好，想要一辆轮椅，方便推她出门晒太阳", stored.Text); // as typed, Chinese commas kept
        Assert.Contains("待审核", await chat.SayAsync("我的心愿"));

        // Staff publish it without a name of their own: the wall shows the resident's nickname. The resident hears of it.
        var dispatcher = await App.KeyAsync(ActorRole.Dispatcher, "dongqili", "东七里社区工作人员");
        Assert.True((await Cycle.PostAsync($"/api/wishes/{wishId}/publish", dispatcher, new { publicText = "想要一辆轮椅，方便推老人出门晒太阳" })).IsSuccessStatusCode);
        Assert.Equal("小雨外婆", (await StateAsync(wishId)).DisplayName);
        Assert.Contains("发布到心愿墙", await WaitForAsync(chat, "已通过审核"));
        var mine = await chat.SayAsync("我的心愿");
        Assert.Contains("已发布，正在等待认领", mine);
        Assert.Contains($"撤回心愿 {wishId}", mine);

        // A volunteer claims it (name and phone: personal data, never shown to the resident), then fulfils it with a photo.
        var claim = await Cycle.PostAsync($"/api/wishes/{wishId}/claim", null, new { kind = "volunteer", name = "刘志强", phone = "13905385678" });
        var claimCode = (string)(await claim.Content.ReadFromJsonAsync<JsonObject>())!["claimCode"]!;
        Assert.Contains("社区会和您联系", await WaitForAsync(chat, "已由爱心志愿者认领"));
        Assert.Contains("已被爱心志愿者认领", await chat.SayAsync("我的心愿"));
        Assert.Contains("已经有人认领了，不能再撤回", await chat.SayAsync($"撤回心愿 {wishId}"));

        using (var fulfil = new HttpRequestMessage(HttpMethod.Post, $"/api/wishes/{wishId}/fulfil")
        {
            Content = JsonContent.Create(new { note = "轮椅已送到家里", photos = new[] { TestImages.PngBase64() } }),
        })
        {
            fulfil.Headers.Add(WishAccess.ClaimHeader, claimCode);
            var fulfilled = await App.Http.SendAsync(fulfil);
            Assert.True(fulfilled.IsSuccessStatusCode, await fulfilled.Content.ReadAsStringAsync());
        }
        var notice = await WaitForAsync(chat, "已经帮您实现了");
        Assert.Contains($"[确认心愿已实现 {wishId}|我的心愿]", notice);
        Assert.Contains("已确认完成", await chat.SayAsync($"确认心愿已实现 {wishId}"));
        Assert.Equal(WishStatus.Confirmed, (await StateAsync(wishId)).Status);
        Assert.Contains("已完成", await chat.SayAsync("我的心愿"));

        // The same wish followed from another chat with its number and tracking code.
        var other = await DirectLineClient.StartAsync(App.Http);
        await other.BotMessagesAsync(null);
        Assert.Contains("已完成", await other.SayAsync($"{wishId} {code}"));
        Assert.Contains("查询码不正确", await other.SayAsync($"{wishId} ABCD-EFGH"));

        var transcript = Transcripts.Render("居民许微心愿、查看进展并确认实现", [("居民", chat.Seen)],
            "测试 `MicroWishConversationTests.A_resident_posts_a_wish_follows_it_and_confirms_it_once_fulfilled` 生成（Direct Line，Azurite）。" +
            "审核发布、认领和上报实现由社区工作人员和志愿者在工作台/接口完成，居民收到的是小助手的通知。");
        Assert.DoesNotContain("刘志强", transcript);
        Assert.DoesNotContain("13905385678", transcript);
        Assert.DoesNotContain("没太明白", transcript);
        await Transcripts.SaveAsync("micro-wish-resident.md", transcript);
    }

    [Fact]
    public async Task Bad_answers_are_asked_again_and_a_wish_is_withdrawn_before_a_claim()
    {
        var chat = await DirectLineClient.StartAsync(App.Http);
        await chat.BotMessagesAsync(null);
        (string Say, string Expect)[] script =
        [
            ("许个微心愿", "请说说您的心愿"),
            ("想要", "多说几个字"),
            ("希望有人能陪孩子练练毛笔字", "属于哪一类"),
            ("学习用品", "哪个社区"),
            ("火星社区", "没找到这个社区"),
            ("三联", "昵称"),
            ("13812345678", "不要用真实姓名或电话"),
            ("不用了", "联系电话"),
            ("帮助", "联系电话"),
            ("12345", "号码好像不对"),
            ("13905382345", "墙上昵称：某居民"),
            ("修改", "修改哪一项"),
            ("昵称", "昵称"),
            ("练字的小朋友", "请确认您的微心愿"),
            ("好的", "心愿编号：WX"),
        ];
        await PlayAsync(chat, script);
        var wishId = WishNumber().Match(chat.Seen.Where(DirectLineClient.IsBotMessage).Select(a => (string?)a["text"]).Last(t => t!.Contains("心愿编号"))!).Value;
        var stored = await StateAsync(wishId);
        Assert.Equal(("study", "sanlian", "练字的小朋友"), (stored.Category, stored.CommunityId, stored.Nickname));

        Assert.Contains("已撤回微心愿", await chat.SayAsync($"撤回心愿 {wishId}"));
        Assert.Equal(WishStatus.Withdrawn, (await StateAsync(wishId)).Status);
        Assert.Contains("已撤回", await chat.SayAsync("我的心愿"));
        Assert.Contains("这个心愿已经撤回了", await chat.SayAsync($"撤回心愿 {wishId}"));

        // Withdrawn, it is not on the wall: a person cannot claim it.
        Assert.Equal(404, (int)(await Cycle.PostAsync($"/api/wishes/{wishId}/claim", null, new { kind = "volunteer", name = "刘志强", phone = "13905385678" })).StatusCode);
        await Transcripts.SaveAsync("micro-wish-withdrawn.md", Transcripts.Render("居民许微心愿时答错再答，然后撤回", [("居民", chat.Seen)],
            "测试 `MicroWishConversationTests.Bad_answers_are_asked_again_and_a_wish_is_withdrawn_before_a_claim` 生成（Direct Line，Azurite）。"));
    }

    [Fact]
    public async Task A_wish_typed_in_the_middle_of_nothing_else_is_not_taken_for_an_order()
    {
        var chat = await DirectLineClient.StartAsync(App.Http);
        await chat.BotMessagesAsync(null);
        Assert.Contains("许个微心愿", await chat.SayAsync("帮助"));
        Assert.Contains("还没有许过微心愿", await chat.SayAsync("我的心愿"));
        Assert.Contains("请说说您的心愿", await chat.SayAsync("许个微心愿"));
        Assert.Contains("已取消", await chat.SayAsync("取消"));
        Assert.Empty(await App.Storage.Table(Gongjian.Functions.Storage.TableNames.Wishes).QueryAsync<Azure.Data.Tables.TableEntity>().ToListAsync());
    }

    private static async Task PlayAsync(DirectLineClient chat, (string Say, string Expect)[] script)
    {
        foreach (var (say, expect) in script)
        {
            var reply = await chat.SayAsync(say);
            Assert.True(reply.Contains(expect), $"'{say}' → expected '{expect}' in:\n{reply}");
        }
    }

    private async Task<WishState> StateAsync(string wishId) => (await App.Get<WishStore>().LoadAsync(wishId, CancellationToken.None))!.State;

    /// <summary>Polls until a proactive message containing <paramref name="text"/> arrives (the engine relays in process).</summary>
    public static async Task<string> WaitForAsync(DirectLineClient chat, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            await chat.PollAsync();
            if (chat.Seen.Where(DirectLineClient.IsBotMessage).Select(DirectLineClient.Describe).LastOrDefault(d => d.Contains(text)) is { } found) return found;
            await Task.Delay(200);
        }
        throw new TimeoutException($"No proactive message with '{text}'.");
    }

    [GeneratedRegex(@"WX\d{6}-[A-Z0-9]{6}")]
    private static partial Regex WishNumber();
}
