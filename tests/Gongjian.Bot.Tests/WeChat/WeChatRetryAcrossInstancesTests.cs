using System.Text;
using Gongjian.Bot.Tests.Support;
using Gongjian.Bot.WeChat;
using Gongjian.WeChatSim;
using Microsoft.Extensions.Configuration;

namespace Gongjian.Bot.Tests.WeChat;

/// <summary>
/// WeChat re-sends a message whose answer was lost on the way, and the retry may land on another instance of the app:
/// that instance finds the message taken (the dedupe is in storage) and gives the same passive answer (kept in the
/// resident's row), so the resident is answered once, with the answer they missed.
/// </summary>
public sealed class WeChatRetryAcrossInstancesTests(AzuriteFixture azurite)
{
    private const string Resident = "oWx_resident_retry_0001";

    [Fact]
    public async Task A_retry_reaching_another_instance_gets_the_same_passive_answer_and_is_not_processed_again()
    {
        // Plain mode, so the two answers' texts can be read and compared as they are.
        await using var rig = await WeChatRig.StartAsync(azurite, new SimulatorSettings { EncodingAesKey = null });
        var sim = rig.Sim;
        var prefix = rig.App.Get<IConfiguration>()["Storage:Prefix"]!;
        var otherLogs = new LogLines();
        await using var other = await BotTestApp.StartAsync(azurite, new Dictionary<string, string>
        {
            ["Storage:Prefix"] = prefix, ["WeChat:AppId"] = sim.Settings.AppId, ["WeChat:AppSecret"] = sim.Settings.AppSecret,
            ["WeChat:Token"] = sim.Settings.Token, ["WeChat:ApiBaseUrl"] = sim.BaseAddress.ToString(),
        }, otherLogs.AddTo);
        Assert.Equal(prefix, other.Get<IConfiguration>()["Storage:Prefix"]); // one storage, two instances
        Assert.NotNull((await sim.FollowAsync(Resident)).Passive);

        var xml = sim.Xml(Resident, "text", [("Content", "楼道灯坏了，东七里社区宝盛小区3号楼", true), ("MsgId", "24991000000000001", false)]);
        var (url, body) = sim.Request(Resident, xml);
        using var http = new HttpClient();
        var first = await http.PostAsync(url, new StringContent(body, Encoding.UTF8, "text/xml"));
        var firstText = await first.Content.ReadAsStringAsync();
        Assert.True(first.IsSuccessStatusCode, firstText);
        var answered = WeChatXml.Read(firstText)?.GetValueOrDefault("Content");
        Assert.True(answered is { Length: > 0 }, firstText);
        Assert.Contains("联系电话", answered);

        // The same post (same signature, timestamp, nonce and MsgId) reaches the other instance.
        var retryUrl = new Uri(other.BaseAddress, url.PathAndQuery);
        var retry = await http.PostAsync(retryUrl, new StringContent(body, Encoding.UTF8, "text/xml"));
        var retryText = await retry.Content.ReadAsStringAsync();
        Assert.True(retry.IsSuccessStatusCode, retryText);
        Assert.Equal(answered, WeChatXml.Read(retryText)?.GetValueOrDefault("Content"));
        Assert.Contains(otherLogs.Lines, l => l.Contains("re-sent a message already taken"));

        // Taken once: a later message on the first instance is answered as the next step of that one wish.
        var next = await sim.TextAsync(Resident, "13805381234");
        Assert.Contains("请确认您的诉求", next.Passive);
        Assert.DoesNotContain(sim.Inbox(Resident), r => r.Kind == Received.CustomerService);
    }
}
