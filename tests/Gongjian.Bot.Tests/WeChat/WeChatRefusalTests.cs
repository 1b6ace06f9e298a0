using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Gongjian.Bot.Tests.Support;
using Gongjian.Bot.WeChat;
using Gongjian.WeChatSim;

namespace Gongjian.Bot.Tests.WeChat;

/// <summary>
/// What /api/wechat refuses, each with a precise problem (stable code, Chinese title) and nothing handed to the bot:
/// forged signatures, stale timestamps, messages for another AppID, plain messages in safe mode, DTDs and entities,
/// oversized bodies; and the URL check WeChat makes when the server URL is saved.
/// </summary>
public sealed class WeChatRefusalTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Resident = "oWx_refusal_0001";
    private WeChatRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await WeChatRig.StartAsync(azurite);
    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    private SimulatorSettings S => _rig.Sim.Settings;

    private async Task<(int Status, JsonObject? Problem, string Body)> PostAsync(Uri url, string body)
    {
        using var response = await _rig.App.Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "text/xml"));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : null, text);
    }

    private static void Refused((int Status, JsonObject? Problem, string Body) answer, int status, string code)
    {
        Assert.True(answer.Status == status, $"expected {status} {code}, got {answer.Status}: {answer.Body}");
        Assert.Equal(code, (string?)answer.Problem?["code"]);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (string?)answer.Problem?["title"]);
    }

    private string Text(string content) => _rig.Sim.Xml(Resident, "text", [("Content", content, true), ("MsgId", "7000000000000000001", false)]);

    [Fact]
    public async Task The_url_check_echoes_only_for_a_valid_signature()
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var good = WeChatSignature.Compute(S.Token, ts, "12345");
        Assert.Equal("echo-7e3", await _rig.App.Http.GetStringAsync($"/api/wechat?signature={good}&timestamp={ts}&nonce=12345&echostr=echo-7e3"));
        using var forged = await _rig.App.Http.GetAsync($"/api/wechat?signature={WeChatSignature.Compute("guess", ts, "12345")}&timestamp={ts}&nonce=12345&echostr=echo-7e3");
        Assert.Equal(401, (int)forged.StatusCode);
        Assert.DoesNotContain("echo-7e3", await forged.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forged_signatures_stale_timestamps_and_other_apps_are_refused_and_nothing_reaches_the_bot()
    {
        var (url, body) = _rig.Sim.Request(Resident, Text("楼道灯坏了，东七里社区宝盛小区3号楼"));
        var forged = new Uri(System.Text.RegularExpressions.Regex.Replace(url.ToString(), "signature=[0-9a-f]{40}", "signature=" + new string('0', 40)));
        Refused(await PostAsync(forged, body), 401, "bad_signature");

        var badMsgSignature = new Uri(System.Text.RegularExpressions.Regex.Replace(url.ToString(), "msg_signature=[0-9a-f]{40}", "msg_signature=" + new string('a', 40)));
        Refused(await PostAsync(badMsgSignature, body), 401, "bad_msg_signature");

        // Ten minutes old, properly signed for that time: a replay.
        var (staleUrl, staleBody) = _rig.Sim.Request(Resident, Text("楼道灯坏了"), DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds());
        Refused(await PostAsync(staleUrl, staleBody), 403, "stale_timestamp");

        // Encrypted with our key but for another AppID, and signed correctly.
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var encrypted = new WeChatCrypto(S.EncodingAesKey!, "wxsomeoneelse00001").Encrypt(Text("楼道灯坏了"));
        var otherUrl = new Uri(_rig.Sim.ServerUrl + $"?signature={WeChatSignature.Compute(S.Token, ts, "42")}&timestamp={ts}&nonce=42&encrypt_type=aes" +
            $"&msg_signature={WeChatSignature.Compute(S.Token, ts, "42", encrypted)}");
        Refused(await PostAsync(otherUrl, WeChatXml.Write([("ToUserName", S.OriginalId, true), ("Encrypt", encrypted, true)])), 403, "wrong_app");

        // Plain XML, properly signed, while the account is in safe mode.
        var plainUrl = new Uri(_rig.Sim.ServerUrl + $"?signature={WeChatSignature.Compute(S.Token, ts, "43")}&timestamp={ts}&nonce=43");
        Refused(await PostAsync(plainUrl, Text("楼道灯坏了")), 400, "encryption_required");

        Assert.Equal(0, _rig.App.Understanding.Calls);
        Assert.Empty(_rig.Sim.Inbox(Resident));
    }

    [Fact]
    public async Task Dtds_entities_malformed_and_oversized_xml_are_refused()
    {
        var dtd = "<!DOCTYPE xml [<!ENTITY boom \"楼道灯坏了\">]><xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[" + Resident +
            "]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>&boom;</Content><MsgId>1</MsgId></xml>";
        // Inside a properly encrypted and signed envelope…
        var (url, body) = _rig.Sim.Request(Resident, dtd);
        Refused(await PostAsync(url, body), 400, "invalid_xml");
        // …and as the envelope itself.
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = new Uri(_rig.Sim.ServerUrl + $"?signature={WeChatSignature.Compute(S.Token, ts, "44")}&timestamp={ts}&nonce=44&encrypt_type=aes&msg_signature=" + new string('0', 40));
        Refused(await PostAsync(signed, "<!DOCTYPE xml SYSTEM \"file:///etc/passwd\"><xml><Encrypt>x</Encrypt></xml>"), 400, "invalid_xml");
        Refused(await PostAsync(signed, "<xml><Encrypt>"), 400, "invalid_xml");

        var (bigUrl, _) = _rig.Sim.Request(Resident, Text("x"));
        Refused(await PostAsync(bigUrl, "<xml><Encrypt>" + new string('A', WeChatEndpoint.MaxBodyBytes) + "</Encrypt></xml>"), 413, "request_too_large");
        Assert.Equal(0, _rig.App.Understanding.Calls);
    }

    [Fact]
    public async Task Plain_mode_takes_signed_plain_xml_and_answers_in_plain_xml()
    {
        await using var plain = await WeChatRig.StartAsync(azurite, new SimulatorSettings { EncodingAesKey = null });
        var welcome = await plain.Sim.FollowAsync(Resident);
        Assert.Contains("共建小助手", welcome.Passive);
        Assert.Contains("请确认您的诉求", (await plain.Sim.TextAsync(Resident, "楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234")).Passive);
    }

    [Fact]
    public async Task Without_wechat_settings_the_endpoint_is_not_there()
    {
        await using var app = await BotTestApp.StartAsync(azurite);
        using var response = await app.Http.PostAsync("/api/wechat?signature=0&timestamp=0&nonce=0", new StringContent("<xml/>"));
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("wechat_not_configured", await response.Content.ReadAsStringAsync());
    }
}
