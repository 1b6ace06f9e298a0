using Gongjian.Functions.Orders;
using Microsoft.Extensions.DependencyInjection;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Showcases;

/// <summary>
/// An organizer whose publication timed out sends it again: the public sees one showcase, not two,
/// and each order is marked once.
/// </summary>
public sealed class ShowcasePublishTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Title = "楼道亮了，居民心也亮了";
    private const string Story = "东七里社区居民反映楼道灯损坏，宝盛置业当天上门更换。";
    private TestApp _app = null!;
    private string _organizer = null!;
    private string _order = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite);
        _organizer = await _app.OrganizerAsync();
        var (dispatcher, liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        (_order, _) = await _app.PlaceAsync();
        await _app.DispatchAsync(_order, dispatcher);
        await _app.AcceptAsync(_order, liaison);
        await _app.CompleteAsync(_order, liaison);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<HttpResponseMessage> PublishAsync(string title = Title, string story = Story) =>
        _app.PostAsync("/api/showcases", new { title, story, orderIds = new[] { _order } }, _organizer);

    [Fact]
    public async Task The_same_publication_sent_twice_is_one_showcase()
    {
        var first = await PublishAsync();
        var again = await PublishAsync();

        var (a, b) = (await first.ReadJsonAsync(201), await again.ReadJsonAsync(201));
        Assert.Equal(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
        Assert.Equal(a.GetProperty("publishedAt").GetDateTimeOffset(), b.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(1, (await (await _app.GetAsync("/api/showcases")).ReadJsonAsync(200)).GetArrayLength());
        var history = await _app.Services.GetRequiredService<OrderStore>().LoadWithHistoryAsync(_order, CancellationToken.None);
        Assert.Single(history!.Events.OfType<OrderShowcased>());
    }

    [Fact]
    public async Task The_same_title_and_orders_with_another_story_is_refused()
    {
        await (await PublishAsync()).ReadJsonAsync(201);

        await (await PublishAsync(story: "宝盛置业第二天又检查了一遍线路。")).ShouldBeProblemAsync(409, "showcase_exists");

        Assert.Equal(1, (await (await _app.GetAsync("/api/showcases")).ReadJsonAsync(200)).GetArrayLength());
    }

    [Fact]
    public async Task Another_title_is_another_showcase()
    {
        var first = await (await PublishAsync()).ReadJsonAsync(201);
        var second = await (await PublishAsync(title: "一盏灯的温度")).ReadJsonAsync(201);

        Assert.NotEqual(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal(2, (await (await _app.GetAsync("/api/showcases")).ReadJsonAsync(200)).GetArrayLength());
    }

    [Fact]
    public async Task A_showcase_of_an_order_not_yet_rated_reads_back_in_the_list_and_alone()
    {
        var id = (await (await PublishAsync()).ReadJsonAsync(201)).GetProperty("id").GetString()!;

        var alone = await (await _app.GetAsync($"/api/showcases/{id}")).ReadJsonAsync(200);
        var listed = (await (await _app.GetAsync("/api/showcases")).ReadJsonAsync(200))[0];

        foreach (var view in new[] { alone, listed })
        {
            var item = view.GetProperty("items")[0];
            Assert.Equal(System.Text.Json.JsonValueKind.Undefined, item.TryGetProperty("rating", out var r) ? r.ValueKind : System.Text.Json.JsonValueKind.Undefined);
            Assert.Equal("泰山宝盛置业有限公司", item.GetProperty("unitName").GetString());
        }
    }
}
