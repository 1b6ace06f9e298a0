using Gongjian.Bot.WeChat;

namespace Gongjian.Bot.Tests.WeCom;

/// <summary>
/// WeCom's callback scheme is WeChat's 消息加解密 with the CorpID as ReceiveId: the URL check's example from WeCom's
/// WXBizMsgCrypt samples (msg_signature over the echostr, which decrypts for its corp only), then round trips and tampering.
/// The sample message itself is checked in <see cref="WeChat.WeChatCryptoTests"/>.
/// </summary>
public sealed class WeComCryptoTests
{
    private const string SampleToken = "QDG6eK";
    private const string SampleKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string SampleCorpId = "wx5823bf96d3bd56c7";

    [Fact]
    public void The_published_url_check_has_its_signature_and_its_echostr_opens_for_its_corp_only()
    {
        const string echo = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
        Assert.True(WeChatSignature.Matches("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", SampleToken, "1409659589", "263014780", echo));
        Assert.False(WeChatSignature.Matches("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", SampleToken, "1409659589", "263014781", echo));
        Assert.Equal(WeChatCryptoFailure.None, new WeChatCrypto(SampleKey, SampleCorpId).TryDecrypt(echo, out var plain));
        Assert.Equal("1616140317555161061", plain);
        Assert.Equal(WeChatCryptoFailure.WrongApp, new WeChatCrypto(SampleKey, "wwanothercorp0001").TryDecrypt(echo, out _));
    }

    [Fact]
    public void A_callback_round_trips_with_the_corp_id_and_a_flipped_ciphertext_byte_is_refused()
    {
        var crypto = new WeChatCrypto(SampleKey, SampleCorpId);
        const string xml = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[接单 GJ261207-ABC123]]></EventKey></xml>";
        var encrypted = crypto.Encrypt(xml);
        Assert.Equal(WeChatCryptoFailure.None, crypto.TryDecrypt(encrypted, out var back));
        Assert.Equal(xml, back);
        var bytes = Convert.FromBase64String(encrypted);
        for (var i = 0; i < bytes.Length; i += 16)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            var outcome = crypto.TryDecrypt(Convert.ToBase64String(tampered), out var opened);
            Assert.True(outcome != WeChatCryptoFailure.None || opened != xml, $"a flipped byte at {i} still opened as the original");
        }
        // CBC has no integrity of its own: the signature over the ciphertext is what catches tampering.
        var tamperedText = Convert.ToBase64String(bytes.Select((b, i) => i == 0 ? (byte)(b ^ 1) : b).ToArray());
        Assert.False(WeChatSignature.Matches(WeChatSignature.Compute(SampleToken, "1", "2", encrypted), SampleToken, "1", "2", tamperedText));
    }
}
