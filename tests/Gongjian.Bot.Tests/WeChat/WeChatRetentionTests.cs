using Gongjian.Bot.Tests.Support;
using Gongjian.Bot.WeChat;
using Gongjian.Functions.BotDesk;

namespace Gongjian.Bot.Tests.WeChat;

/// <summary>A WeChat resident's openid is kept no longer than the rest of the chat: the daily purge deletes rows untouched for the retention period.</summary>
public sealed class WeChatRetentionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private WeChatRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await WeChatRig.StartAsync(azurite);
    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    private sealed class Moved(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
    }

    [Fact]
    public async Task The_daily_purge_forgets_residents_silent_for_the_retention_period_and_keeps_the_token()
    {
        await _rig.Sim.FollowAsync("oWx_quiet");
        await _rig.App.Get<WeChatAccessTokens>().GetAsync(CancellationToken.None);
        var users = _rig.App.Get<WeChatUsers>();
        var id = WeChatChannel.ConversationIdOf(_rig.Sim.Settings.AppId, "oWx_quiet");

        await PurgeChatHistoryFunction.PurgeAsync(_rig.App.Services, new Moved(TimeSpan.FromDays(29)), CancellationToken.None);
        Assert.NotNull(await users.GetAsync(id, CancellationToken.None));

        await PurgeChatHistoryFunction.PurgeAsync(_rig.App.Services, new Moved(TimeSpan.FromDays(31)), CancellationToken.None);
        Assert.Null(await users.GetAsync(id, CancellationToken.None));
        var token = await _rig.App.Get<WeChatTables>().Table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("token", _rig.Sim.Settings.AppId);
        Assert.True(token.HasValue);
    }
}
