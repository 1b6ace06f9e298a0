using System.Text.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.ConsoleApi;

/// <summary>
/// The organizer's showcase tools on Azurite: a preview rendered like the public page (same checks, nothing
/// stored), before/after photos chosen per order, and withdrawal (410 page and JSON, photos gone, list without it;
/// a second withdrawal or a republication 409; other streets and roles 403).
/// </summary>
public sealed class ShowcaseWithdrawAndPreviewTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Title = "楼道亮了，居民心也亮了";
    private const string Story = "东七里社区居民反映楼道灯损坏，宝盛置业当天上门更换。";
    private TestApp _app = null!;
    private string _organizer = null!;
    private string _order = null!;
    private string _before = null!;
    private string _after = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite);
        _organizer = await _app.OrganizerAsync();
        var (dispatcher, liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        (_order, _) = await _app.PlaceAsync(TestApp.NewOrder(photos: [TestImages.PngBase64()]));
        await _app.DispatchAsync(_order, dispatcher);
        await _app.AcceptAsync(_order, liaison);
        await _app.CompleteAsync(_order, liaison);
        var view = await (await _app.GetAsync($"/api/orders/{_order}", _organizer)).ReadJsonAsync(200);
        _before = view.GetProperty("beforePhotos")[0].GetString()!.Split('/')[^1];
        _after = view.GetProperty("afterPhotos")[0].GetString()!.Split('/')[^1];
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private object Draft(string story = Story, string? before = null, string? after = null) => new
    {
        title = Title, story, orderIds = new[] { _order },
        photos = new[] { new { orderId = _order, before = new[] { before ?? _before }, after = new[] { after ?? _after } } },
    };

    [Fact]
    public async Task The_preview_is_the_public_page_with_the_chosen_photos_and_stores_nothing()
    {
        var response = await _app.PostAsync("/api/showcases/preview", Draft(), _organizer);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{Title}</h1>", html);
        Assert.Contains($"/api/orders/{_order}/photos/{_before}", html);
        Assert.Contains($"/api/orders/{_order}/photos/{_after}", html);
        Assert.Contains("处理前", html);
        Assert.Contains("泰山宝盛置业有限公司", html);
        foreach (var secret in new[] { "13805381234", "李秀英", "3号楼2单元301", "三楼楼道灯坏了一个星期了" }) Assert.DoesNotContain(secret, html);
        Assert.Equal(0, (await (await _app.GetAsync("/api/showcases")).ReadJsonAsync(200)).GetArrayLength());

        // The same refusals as publishing.
        await (await _app.PostAsync("/api/showcases/preview", Draft(story: "李秀英家3号楼2单元301的灯修好了"), _organizer)).ShouldBeProblemAsync(400, "personal_data_in_story");
        await (await _app.PostAsync("/api/showcases/preview", Draft(before: "not-a-photo"), _organizer)).ShouldBeProblemAsync(400, "unknown_photo");
        await (await _app.PostAsync("/api/showcases/preview", Draft(after: _before), _organizer)).ShouldBeProblemAsync(400, "unknown_photo");
        await (await _app.PostAsync("/api/showcases/preview", Draft(), await _app.DispatcherAsync())).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.PostAsync("/api/showcases/preview", Draft(), await _app.OrganizerAsync("other-street"))).ShouldBeProblemAsync(403, "outside_scope");
    }

    [Fact]
    public async Task Published_with_chosen_photos_then_withdrawn_the_public_sees_it_gone()
    {
        var published = await (await _app.PostAsync("/api/showcases", Draft(), _organizer)).ReadJsonAsync(201);
        var id = published.GetProperty("id").GetString()!;
        var item = published.GetProperty("items")[0];
        Assert.Equal([$"/api/showcases/{id}/photos/0"], item.GetProperty("beforePhotos").EnumerateArray().Select(p => p.GetString()).ToArray());
        Assert.Equal([$"/api/showcases/{id}/photos/1"], item.GetProperty("photos").EnumerateArray().Select(p => p.GetString()).ToArray());
        var photo = await _app.GetAsync($"/api/showcases/{id}/photos/0");
        Assert.Equal(200, (int)photo.StatusCode);
        var page = await (await _app.GetAsync($"/api/pages/showcases/caiyuan/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-label=\"处理前\"", page);

        // Not someone else's to withdraw.
        await (await _app.PostAsync($"/api/showcases/{id}/withdraw", null, await _app.OrganizerAsync("other-street"))).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync($"/api/showcases/{id}/withdraw", null, await _app.DispatcherAsync())).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.PostAsync("/api/showcases/SC000101-00000000/withdraw", null, _organizer)).ShouldBeProblemAsync(404, "showcase_not_found");

        var withdrawn = await (await _app.PostAsync($"/api/showcases/{id}/withdraw", null, _organizer)).ReadJsonAsync(200);
        Assert.Equal(id, withdrawn.GetProperty("id").GetString());

        var gone = await _app.GetAsync($"/api/pages/showcases/caiyuan/{id}");
        Assert.Equal(410, (int)gone.StatusCode);
        Assert.Equal("text/html", gone.Content.Headers.ContentType?.MediaType);
        var goneHtml = await gone.Content.ReadAsStringAsync();
        Assert.Contains("这篇晒单已撤回", goneHtml);
        Assert.DoesNotContain(Title, goneHtml);
        await (await _app.GetAsync($"/api/showcases/{id}")).ShouldBeProblemAsync(410, "showcase_withdrawn");
        await (await _app.GetAsync($"/api/showcases/{id}/photos/0")).ShouldBeProblemAsync(404, "photo_not_found");
        Assert.Equal(0, (await (await _app.GetAsync("/api/showcases?streetId=caiyuan")).ReadJsonAsync(200)).GetArrayLength());
        Assert.DoesNotContain(Title, await (await _app.GetAsync("/api/pages/showcases/caiyuan")).Content.ReadAsStringAsync());

        // Stale actions: withdrawing again, or the same publication retried, is a clear 409.
        var again = await (await _app.PostAsync($"/api/showcases/{id}/withdraw", null, _organizer)).ShouldBeProblemAsync(409, "showcase_withdrawn");
        Assert.Contains("已撤回", again.GetProperty("title").GetString());
        await (await _app.PostAsync("/api/showcases", Draft(), _organizer)).ShouldBeProblemAsync(409, "showcase_withdrawn");
    }
}
