using Gongjian.Bot.WeChat;

namespace Gongjian.Bot.Tests.WeChat;

/// <summary>The channel is on only with real settings: an unresolved Key Vault reference or a malformed AES key leaves it off.</summary>
public sealed class WeChatOptionsTests
{
    [Fact]
    public void Unresolved_key_vault_references_and_bad_keys_leave_the_channel_off()
    {
        Assert.True(new WeChatOptions { AppId = "wx1", Token = "t" }.IsConfigured);
        Assert.False(new WeChatOptions { AppId = "wx1", Token = "t" }.IsSafeMode);
        Assert.True(new WeChatOptions { AppId = "wx1", Token = "t", EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" }.IsConfigured);
        Assert.False(new WeChatOptions { AppId = "@Microsoft.KeyVault(SecretUri=https://kv/secrets/wechat-app-id/)", Token = "t" }.IsConfigured);
        Assert.False(new WeChatOptions { AppId = "wx1", Token = "@Microsoft.KeyVault(SecretUri=https://kv/secrets/wechat-token/)" }.IsConfigured);
        Assert.False(new WeChatOptions { AppId = "wx1", Token = "t", EncodingAesKey = "too-short" }.IsConfigured);
        // An AES key whose secret is not set yet: the channel stays off rather than silently running in plain mode.
        Assert.False(new WeChatOptions { AppId = "wx1", Token = "t", EncodingAesKey = "@Microsoft.KeyVault(SecretUri=https://kv/secrets/wechat-encoding-aes-key/)" }.IsConfigured);
    }
}
