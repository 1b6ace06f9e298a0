using System.Text;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Photos;

/// <summary>Photos are stored and served without the metadata they came with, and only to those who may see the order.</summary>
public sealed class PhotoTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Planted = "GPS 36.19N 117.12E 李秀英";
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Text_chunk_planted_in_a_png_is_not_stored_or_served()
    {
        var dispatcher = await _app.DispatcherAsync();
        var upload = TestImages.Png(5, 4, Planted);
        Assert.True(Contains(upload, Planted), "the test image must carry the planted text");
        var (id, _) = await _app.PlaceAsync(TestApp.NewOrder(photos: [Convert.ToBase64String(upload)]));

        var photo = Assert.Single(await PhotoUrlsAsync(id, dispatcher));
        Assert.Matches($"^/api/orders/{id}/photos/[0-9a-f]+\\.png$", photo);
        var response = await _app.GetAsync(photo, dispatcher);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PngSignature, bytes.Take(8));
        Assert.False(Contains(bytes, Planted));
        Assert.False(Contains(bytes, "GPS"));
        Assert.False(Contains(bytes, "tEXt"));
        Assert.True(bytes.Length < upload.Length);
        var blob = Assert.Single(await _app.BlobNamesAsync());
        var stored = (await _app.Storage.Photos.GetBlobClient(blob).DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToArray();
        Assert.Equal(bytes, stored);
    }

    [Fact]
    public async Task Resident_with_the_tracking_code_gets_the_photo()
    {
        var (id, code) = await _app.PlaceAsync(TestApp.NewOrder(photos: [TestImages.PngBase64(Planted)]));
        var order = await (await _app.GetAsync($"/api/orders/{id}", trackingCode: code)).ReadJsonAsync(200);
        var photo = order.GetProperty("beforePhotos")[0].GetString()!;

        var response = await _app.GetAsync(photo, trackingCode: code);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Private, "a personal photo must not sit in shared caches");
        await (await _app.GetAsync(photo)).ShouldBeProblemAsync(401, "authentication_required");
    }

    [Fact]
    public async Task Photo_is_not_served_outside_scope()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (id, _) = await _app.PlaceAsync(TestApp.NewOrder(photos: [TestImages.PngBase64()]));
        var photo = Assert.Single(await PhotoUrlsAsync(id, dispatcher));

        await (await _app.GetAsync(photo, await _app.DispatcherAsync("sanlian"))).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync(photo, await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync(photo, await _app.OrganizerAsync("daimiao"))).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync(photo, trackingCode: "ABCD-EFGH")).ShouldBeProblemAsync(403, "invalid_tracking_code");
    }

    [Fact]
    public async Task Photo_of_another_order_is_not_found()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (first, _) = await _app.PlaceAsync(TestApp.NewOrder(photos: [TestImages.PngBase64()]));
        var (second, _) = await _app.PlaceAsync(TestApp.NewOrder(photos: [TestImages.PngBase64()]));
        var photoOfSecond = Assert.Single(await PhotoUrlsAsync(second, dispatcher)).Split('/')[^1];

        await (await _app.GetAsync($"/api/orders/{first}/photos/{photoOfSecond}", dispatcher)).ShouldBeProblemAsync(404, "photo_not_found");
        await (await _app.GetAsync($"/api/orders/{first}/photos/0011223344556677.png", dispatcher)).ShouldBeProblemAsync(404, "photo_not_found");
        await (await _app.GetAsync($"/api/orders/{first}/photos/..%2F{second}%2F{photoOfSecond}", dispatcher)).ShouldBeProblemAsync(404, "photo_not_found");
    }

    private async Task<string[]> PhotoUrlsAsync(string id, string key)
    {
        var order = await (await _app.GetAsync($"/api/orders/{id}", key)).ReadJsonAsync(200);
        return order.GetProperty("beforePhotos").EnumerateArray().Select(p => p.GetString()!).ToArray();
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;
}
