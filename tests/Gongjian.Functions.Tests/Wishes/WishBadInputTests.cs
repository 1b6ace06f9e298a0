using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Support;
using static Gongjian.Functions.Tests.Wishes.WishClient;

namespace Gongjian.Functions.Tests.Wishes;

/// <summary>Bad input, wrong roles and scopes, oversized text and photos: a precise 4xx with a code and a Chinese title, nothing written.</summary>
public sealed class WishBadInputTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Submitting_bad_wishes_is_refused_and_leaves_nothing()
    {
        await (await PostAsync(_app, "/api/wishes", NewWish(community: "nowhere"))).ShouldBeProblemAsync(400, "unknown_community");
        await (await PostAsync(_app, "/api/wishes", NewWish(text: new string('书', 301)))).ShouldBeProblemAsync(400, "text_too_long");
        await (await PostAsync(_app, "/api/wishes", NewWish(text: "  "))).ShouldBeProblemAsync(400, "text_required");
        await (await PostAsync(_app, "/api/wishes", NewWish(category: "car"))).ShouldBeProblemAsync(400, "unknown_category");
        await (await PostAsync(_app, "/api/wishes", new { communityId = "dongqili", category = "study", text = "想要书包" })).ShouldBeProblemAsync(400, "contact_required");
        await (await PostAsync(_app, "/api/wishes", new { communityId = "dongqili", category = "study", text = "想要书包", contact = new { name = "张", phone = "123" } }))
            .ShouldBeProblemAsync(400, "invalid_phone");
        Assert.Equal(400, (int)(await PostAsync(_app, "/api/wishes", "{\"communityId\":\"dongqili\",\"extra\":1}")).StatusCode);
        // Another community's dispatcher may not post for this one.
        await (await PostAsync(_app, "/api/wishes", NewWish(), await _app.DispatcherAsync("sanlian"))).ShouldBeProblemAsync(403, "outside_scope");
        Assert.Equal("", await IndexTextAsync(_app));
    }

    [Fact]
    public async Task Wrong_roles_and_scopes_are_refused()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (id, code) = await SubmitAsync(_app);
        await (await PostAsync(_app, $"/api/wishes/{id}/publish", new { publicText = "想要书包" })).ShouldBeProblemAsync(401, "authentication_required");
        await (await PostAsync(_app, $"/api/wishes/{id}/publish", new { publicText = "想要书包" }, await _app.DispatcherAsync("sanlian"))).ShouldBeProblemAsync(403, "outside_scope");
        await (await PostAsync(_app, $"/api/wishes/{id}/publish", new { publicText = "想要书包" }, await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "outside_scope");
        await (await PostAsync(_app, $"/api/wishes/{id}/publish", new { publicText = "想要书包" }, await _app.OrganizerAsync("elsewhere"))).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync($"/api/wishes/{id}", trackingCode: "AAAA-BBBB")).ShouldBeProblemAsync(403, "invalid_tracking_code");
        await (await PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "unit" }, await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "outside_scope");
        await (await PostAsync(_app, $"/api/wishes/{id}/publish", new { publicText = "张秀英奶奶想要书包" }, dispatcher)).ShouldBeProblemAsync(400, "public_text_personal");
        await (await PostAsync(_app, $"/api/wishes/{id}/publish", new { publicText = "想要书包，电话13812345678" }, dispatcher)).ShouldBeProblemAsync(400, "public_text_personal");
        await (await PostAsync(_app, $"/api/wishes/{id}/publish", new { publicText = new string('书', 121) }, dispatcher)).ShouldBeProblemAsync(400, "public_text_too_long");
        await (await PostAsync(_app, $"/api/wishes/{id}/publish", new { publicText = "想要一个新书包" }, dispatcher)).ReadJsonAsync(200);

        // A unit's liaison claims for its own unit only; a person's claim needs a name and a valid phone.
        await (await PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "unit", unitId = "caiyuan-volunteers" }, await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "not_your_unit");
        await (await PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "unit", unitId = "no-such-unit" }, dispatcher)).ShouldBeProblemAsync(400, "unknown_unit");
        await (await PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "robot" })).ShouldBeProblemAsync(400, "invalid_claimer_kind");
        await (await PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "volunteer", name = "李", phone = "abc" })).ShouldBeProblemAsync(400, "invalid_phone");
        await (await PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "volunteer", name = "", phone = PersonPhone })).ShouldBeProblemAsync(400, "invalid_name");
        await (await PostAsync(_app, $"/api/wishes/{id}/fulfil", new { note = "好了", photos = new[] { Png } }, dispatcher)).ShouldBeProblemAsync(409, "wish_published");

        var liaison = await _app.LiaisonAsync();
        await (await PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "unit" }, liaison)).ReadJsonAsync(200);
        // Claimed: the resident can no longer withdraw it; another unit may not fulfil or release it.
        await (await PostAsync(_app, $"/api/wishes/{id}/withdraw", null, trackingCode: code)).ShouldBeProblemAsync(409, "wish_claimed");
        await (await PostAsync(_app, $"/api/wishes/{id}/release", null, await _app.LiaisonAsync("caiyuan-volunteers"))).ShouldBeProblemAsync(403, "not_claimer");
        await (await PostAsync(_app, $"/api/wishes/{id}/confirm", null, trackingCode: code)).ShouldBeProblemAsync(409, "wish_claimed");
        await (await _app.GetAsync("/api/wishes/WX000000-AAAAAA", dispatcher)).ShouldBeProblemAsync(404, "wish_not_found");
        await (await _app.GetAsync("/api/wishes?status=done", dispatcher)).ShouldBeProblemAsync(400, "invalid_status");
        await (await _app.GetAsync("/api/wishes?year=20x6", dispatcher)).ShouldBeProblemAsync(400, "invalid_year");
        await (await _app.GetAsync("/api/wishes?communityId=sanlian", dispatcher)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/wishes")).ShouldBeProblemAsync(401, "authentication_required");
    }

    [Fact]
    public async Task Bad_photos_are_refused_before_anything_is_stored()
    {
        var dispatcher = await _app.DispatcherAsync();
        var liaison = await _app.LiaisonAsync();
        var (id, _) = await PublishedAsync(_app, dispatcher);
        await (await PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "unit" }, liaison)).ReadJsonAsync(200);
        string Fulfil(params string[] photos) => System.Text.Json.JsonSerializer.Serialize(new { note = "书包已送到。", photos });

        var text = Convert.ToBase64String("这不是照片，是一段文字。"u8.ToArray());
        var notImage = await (await PostAsync(_app, $"/api/wishes/{id}/fulfil", Fulfil(text), liaison)).ReadJsonAsync(400);
        Assert.StartsWith("photo_", notImage.GetProperty("code").GetString());
        await (await PostAsync(_app, $"/api/wishes/{id}/fulfil", Fulfil(), liaison)).ShouldBeProblemAsync(400, "photo_required");
        await (await PostAsync(_app, $"/api/wishes/{id}/fulfil", Fulfil(Png, Png, Png, Png), liaison)).ShouldBeProblemAsync(400, "too_many_photos");
        await (await PostAsync(_app, $"/api/wishes/{id}/fulfil", Fulfil("!!!not base64!!!"), liaison)).ShouldBeProblemAsync(400, "invalid_photo_encoding");
        var huge = Convert.ToBase64String(new byte[11 * 1024 * 1024]);
        await (await PostAsync(_app, $"/api/wishes/{id}/fulfil", Fulfil(huge), liaison)).ShouldBeProblemAsync(413, "photo_too_large");
        await (await PostAsync(_app, $"/api/wishes/{id}/fulfil", System.Text.Json.JsonSerializer.Serialize(new { note = new string('好', 301), photos = new[] { Png } }), liaison))
            .ShouldBeProblemAsync(400, "note_too_long");

        var blobs = new List<string>();
        await foreach (var blob in _app.Storage.Photos.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, id + "/", CancellationToken.None)) blobs.Add(blob.Name);
        Assert.Empty(blobs);
    }
}
