using System.Text;
using Gongjian.Bot.WeChat;

namespace Gongjian.Bot.Tests.WeChat;

/// <summary>
/// The signature and AES schemes against the example vectors published with WeChat's 消息加解密 samples
/// (the Official Account's and WeCom's WXBizMsgCrypt demos), then the refusals.
/// </summary>
public sealed class WeChatCryptoTests
{
    private const string SampleKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    [Fact]
    public void Encrypting_the_published_sample_with_its_fixed_random_prefix_gives_the_published_ciphertext()
    {
        var crypto = new WeChatCrypto(SampleKey, "wxb11529c136998cb6");
        Assert.Equal("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==",
            crypto.Encrypt("我是中文abcd123", "aaaabbbbccccdddd"u8));
        Assert.Equal(WeChatCryptoFailure.None, crypto.TryDecrypt("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==", out var plain));
        Assert.Equal("我是中文abcd123", plain);
    }

    private const string OfficialAccountSample =
        "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";

    [Fact]
    public void The_official_account_sample_message_has_the_published_msg_signature_and_opens_for_its_app_only()
    {
        Assert.True(WeChatSignature.Matches("5d197aaffba7e9b25a30732f161a50dee96bd5fa", "spamtest", "1409735669", "1320562132", OfficialAccountSample));
        Assert.False(WeChatSignature.Matches("5d197aaffba7e9b25a30732f161a50dee96bd5fa", "spamtest", "1409735670", "1320562132", OfficialAccountSample));

        Assert.Equal(WeChatCryptoFailure.None, new WeChatCrypto(SampleKey, "wx2c2769f8efd9abc2").TryDecrypt(OfficialAccountSample, out var xml));
        var fields = WeChatXml.Read(xml);
        Assert.NotNull(fields);
        Assert.True(fields.ContainsKey("MsgType"), xml);
        Assert.Equal(WeChatCryptoFailure.WrongApp, new WeChatCrypto(SampleKey, "wxb11529c136998cb6").TryDecrypt(OfficialAccountSample, out _));
    }

    [Fact]
    public void The_wecom_sample_message_has_the_published_msg_signature_and_opens_for_its_corp()
    {
        const string encrypted =
            "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
        Assert.True(WeChatSignature.Matches("477715d11cdb4164915debcba66cb864d751f3e6", "QDG6eK", "1409659813", "1372623149", encrypted));
        Assert.Equal(WeChatCryptoFailure.None, new WeChatCrypto("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7").TryDecrypt(encrypted, out var xml));
        Assert.Equal("wx5823bf96d3bd56c7", WeChatXml.Read(xml)!["ToUserName"]);
    }

    [Fact]
    public void A_round_trip_keeps_chinese_text_and_pads_to_32_byte_blocks()
    {
        var crypto = new WeChatCrypto(SampleKey, "wxtest");
        foreach (var length in new[] { 0, 1, 11, 12, 13, 43, 44, 100 })
        {
            var message = new string('楼', length);
            var encrypted = crypto.Encrypt(message);
            var bytes = Convert.FromBase64String(encrypted);
            Assert.Equal(0, bytes.Length % WeChatCrypto.BlockSize);
            Assert.Equal(WeChatCryptoFailure.None, crypto.TryDecrypt(encrypted, out var back));
            Assert.Equal(message, back);
        }
    }

    [Fact]
    public void Damaged_ciphertexts_and_bad_keys_are_refused()
    {
        var crypto = new WeChatCrypto(SampleKey, "wxtest");
        Assert.Equal(WeChatCryptoFailure.NotBase64, crypto.TryDecrypt("不是base64", out _));
        Assert.Equal(WeChatCryptoFailure.BadLength, crypto.TryDecrypt(Convert.ToBase64String(new byte[40]), out _));
        var bytes = Convert.FromBase64String(crypto.Encrypt("你好"));
        bytes[^1] ^= 0x55; // the last block's padding no longer checks out
        Assert.NotEqual(WeChatCryptoFailure.None, crypto.TryDecrypt(Convert.ToBase64String(bytes), out _));
        Assert.Throws<ArgumentException>(() => new WeChatCrypto("short", "wxtest"));
        Assert.Null(WeChatCrypto.KeyOf(SampleKey[..42] + "!"));
    }

    [Fact]
    public void Signatures_sort_their_parts_and_compare_case_insensitively()
    {
        var sig = WeChatSignature.Compute("token", "1409304348", "xxxxxx");
        Assert.Equal(sig, WeChatSignature.Compute("xxxxxx", "token", "1409304348"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes("1409304348tokenxxxxxx"))), sig);
        Assert.True(WeChatSignature.Matches(sig.ToUpperInvariant(), "token", "1409304348", "xxxxxx"));
        Assert.False(WeChatSignature.Matches(null, "token", "1409304348", "xxxxxx"));
        Assert.False(WeChatSignature.Matches(sig[..39], "token", "1409304348", "xxxxxx"));
    }
}
