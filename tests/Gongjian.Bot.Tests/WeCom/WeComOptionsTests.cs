using Gongjian.Bot.WeCom;

namespace Gongjian.Bot.Tests.WeCom;

/// <summary>The WeCom channel is on only with all five real settings: an unresolved Key Vault reference, a non-numeric AgentId or a malformed AES key leaves it off.</summary>
public sealed class WeComOptionsTests
{
    private static WeComOptions Complete() => new()
    {
        CorpId = "ww1", AgentId = "1000002", Secret = "s", Token = "t", EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
    };

    [Fact]
    public void Every_setting_is_needed_and_unresolved_references_leave_the_channel_off()
    {
        Assert.True(Complete().IsConfigured);
        Assert.Equal(1000002, Complete().Agent);
        Assert.False(new WeComOptions { CorpId = "ww1", AgentId = "1000002", Secret = "s", Token = "t" }.IsConfigured); // WeCom always encrypts
        var unresolved = Complete();
        unresolved.Secret = "@Microsoft.KeyVault(SecretUri=https://kv/secrets/wecom-secret/)";
        Assert.False(unresolved.IsConfigured);
        var agent = Complete();
        agent.AgentId = "@Microsoft.KeyVault(SecretUri=https://kv/secrets/wecom-agent-id/)";
        Assert.False(agent.IsConfigured);
        var key = Complete();
        key.EncodingAesKey = "too-short";
        Assert.False(key.IsConfigured);
    }
}
