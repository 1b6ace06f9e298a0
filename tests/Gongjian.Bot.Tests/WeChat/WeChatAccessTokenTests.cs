using Gongjian.Bot.Tests.Support;
using Gongjian.Bot.WeChat;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Bot.Tests.WeChat;

/// <summary>
/// The access token is fetched once for all instances (a lease on its table row in Azurite), kept, and replaced once when
/// WeChat calls it invalid — a stampede of token requests would invalidate each other's tokens on WeChat's side.
/// </summary>
public sealed class WeChatAccessTokenTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private WeChatRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await WeChatRig.StartAsync(azurite);
    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    /// <summary>An instance of the app as another process would have it: its own memory, the same table.</summary>
    private WeChatAccessTokens Instance() => ActivatorUtilities.CreateInstance<WeChatAccessTokens>(_rig.App.Services);

    [Fact]
    public async Task Eight_instances_asking_at_once_share_one_fetched_token()
    {
        var instances = Enumerable.Range(0, 8).Select(_ => Instance()).ToList();
        var tokens = await Task.WhenAll(instances.Select(i => i.GetAsync(CancellationToken.None)));
        Assert.Single(tokens.Distinct());
        Assert.Equal(1, _rig.Sim.TokenRequests);
        Assert.Equal(tokens[0], await Instance().GetAsync(CancellationToken.None)); // a ninth, later, reads the row
        Assert.Equal(1, _rig.Sim.TokenRequests);
    }

    [Fact]
    public async Task An_invalidated_token_is_replaced_once_and_an_old_invalidation_does_not_drop_the_new_one()
    {
        var a = Instance();
        var b = Instance();
        var first = await a.GetAsync(CancellationToken.None);
        await a.InvalidateAsync(first, CancellationToken.None);
        var second = await b.GetAsync(CancellationToken.None);
        Assert.NotEqual(first, second);
        Assert.Equal(2, _rig.Sim.TokenRequests);
        // b learns late that the first token was bad: the row holds the second now, which stays.
        await b.InvalidateAsync(first, CancellationToken.None);
        Assert.Equal(second, await Instance().GetAsync(CancellationToken.None));
        Assert.Equal(2, _rig.Sim.TokenRequests);
    }

    [Fact]
    public async Task A_wrong_secret_is_an_error_with_wechats_code_and_the_lease_is_given_back()
    {
        await using var rig = await WeChatRig.StartAsync(azurite, appSettings: new Dictionary<string, string> { ["WeChat:AppSecret"] = "wrong" });
        var tokens = rig.App.Get<WeChatAccessTokens>();
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => tokens.GetAsync(CancellationToken.None));
        Assert.Equal(40125, e.ErrCode);
        Assert.Contains(rig.Logs.Lines, l => l.Contains("errcode 40125"));
        Assert.DoesNotContain(rig.Logs.Lines, l => l.Contains("wrong") && l.Contains("secret"));
        await Assert.ThrowsAsync<WeChatApiException>(() => tokens.GetAsync(CancellationToken.None)); // not stuck behind its own lease
        Assert.Equal(2, rig.Sim.TokenRequests);
    }
}
