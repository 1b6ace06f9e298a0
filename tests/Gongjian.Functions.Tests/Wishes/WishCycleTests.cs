using Gongjian.Functions.Access;
using System.Net;
using Azure.Data.Tables;
using Gongjian.Domain.Wishes;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;
using Gongjian.Functions.Wishes;
using Microsoft.Extensions.DependencyInjection;
using static Gongjian.Functions.Tests.Wishes.WishClient;

namespace Gongjian.Functions.Tests.Wishes;

/// <summary>微心愿 through the HTTP API on Azurite: the whole cycle, role-scoped views, lists and records, idempotency, notices.</summary>
public sealed class WishCycleTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_unit_claims_fulfils_with_a_photo_and_the_resident_confirms()
    {
        var dispatcher = await _app.DispatcherAsync();
        var liaison = await _app.LiaisonAsync();
        var (id, code) = await SubmitAsync(_app);

        // Not on the wall yet: the public does not see it; the community's staff see the text and the contact.
        await (await _app.GetAsync($"/api/wishes/{id}")).ShouldBeProblemAsync(404, "wish_not_found");
        var staffView = await (await _app.GetAsync($"/api/wishes/{id}", dispatcher)).ReadJsonAsync(200);
        Assert.Equal(("submitted", PrivateText, ResidentPhone), (staffView.GetProperty("status").GetString(), staffView.GetProperty("text").GetString(),
            staffView.GetProperty("contact").GetProperty("phone").GetString()));

        var published = await (await PostAsync(_app, $"/api/wishes/{id}/publish", new { publicText = "三年级的小朋友想要一个新书包。" }, dispatcher)).ReadJsonAsync(200);
        Assert.Equal(("published", "某居民"), (published.GetProperty("status").GetString(), published.GetProperty("displayName").GetString()));

        var publicView = await (await _app.GetAsync($"/api/wishes/{id}")).ReadJsonAsync(200);
        Assert.Equal("三年级的小朋友想要一个新书包。", publicView.GetProperty("publicText").GetString());
        Assert.False(publicView.TryGetProperty("text", out _));
        Assert.False(publicView.TryGetProperty("contact", out _));

        var claimed = await (await PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "unit" }, liaison)).ReadJsonAsync(200);
        Assert.Equal(("claimed", "泰山宝盛置业有限公司"), (claimed.GetProperty("status").GetString(), claimed.GetProperty("claimer").GetProperty("name").GetString()));

        var fulfilled = await (await PostAsync(_app, $"/api/wishes/{id}/fulfil", new { note = "书包已送到。", photos = new[] { Png } }, liaison)).ReadJsonAsync(200);
        var photo = fulfilled.GetProperty("photos")[0].GetString()!;
        var image = await _app.GetAsync(photo, trackingCode: code);
        Assert.Equal((HttpStatusCode.OK, "image/png"), (image.StatusCode, image.Content.Headers.ContentType?.MediaType));
        await (await _app.GetAsync(photo)).ShouldBeProblemAsync(401, "authentication_required");

        var confirmed = await (await _app.PostAsync($"/api/wishes/{id}/confirm", null, trackingCode: code)).ReadJsonAsync(200);
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());

        var history = (await _app.Services.GetRequiredService<WishStore>().LoadWithHistoryAsync(id, CancellationToken.None))!;
        Assert.Equal(["WishSubmitted", "WishPublished", "WishClaimed", "WishFulfilled", "WishConfirmed"], history.Events.Select(e => e.GetType().Name));

        // The unit's records: its claim, in the year it was claimed (China time).
        var year = WishModule.YearOf(history.State.ClaimedAt!.Value);
        var unitList = await (await _app.GetAsync($"/api/wishes?year={year}", liaison)).ReadJsonAsync(200);
        Assert.Equal([id], Codes(unitList));
        Assert.Empty(Codes(await (await _app.GetAsync($"/api/wishes?year={year - 1}", liaison)).ReadJsonAsync(200)));
        var communityList = await (await _app.GetAsync("/api/wishes?status=confirmed", dispatcher)).ReadJsonAsync(200);
        Assert.Equal([id], Codes(communityList));

        // The staff inbox heard of the new wish, the claim and the fulfilment.
        var kinds = new List<string>();
        await foreach (var row in _app.Storage.Table(TableNames.StaffNotices).QueryAsync<TableEntity>(r => r.PartitionKey == "dispatcher.dongqili"))
            kinds.Add(row.GetString("Kind")!);
        Assert.Contains("wish_submitted", kinds);
        Assert.Contains("wish_claimed", kinds);
        Assert.Contains("wish_fulfilled", kinds);
    }

    [Fact]
    public async Task A_person_claims_with_a_code_and_their_name_is_nowhere_public()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (id, _) = await PublishedAsync(_app, dispatcher);
        var claimed = await (await PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "partyMember", name = PersonName, phone = PersonPhone })).ReadJsonAsync(200);
        var claimCode = claimed.GetProperty("claimCode").GetString()!;
        Assert.Equal("党员志愿者", claimed.GetProperty("claimer").GetProperty("name").GetString());
        Assert.False(claimed.TryGetProperty("claimerContact", out _));

        // Staff see who it is (the dispatcher unmasked, the organizer masked); the public and other units do not.
        var staff = await (await _app.GetAsync($"/api/wishes/{id}", dispatcher)).ReadJsonAsync(200);
        Assert.Equal((PersonName, PersonPhone), (staff.GetProperty("claimerContact").GetProperty("name").GetString(), staff.GetProperty("claimerContact").GetProperty("phone").GetString()));
        var organizer = await (await _app.GetAsync($"/api/wishes/{id}", await _app.OrganizerAsync())).ReadJsonAsync(200);
        Assert.NotEqual(PersonPhone, organizer.GetProperty("claimerContact").GetProperty("phone").GetString());
        var publicText = await (await _app.GetAsync($"/api/wishes/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(PersonName, publicText);
        Assert.DoesNotContain(PersonPhone, publicText);

        await (await PostAsync(_app, $"/api/wishes/{id}/fulfil", new { note = "送到了", photos = new[] { Png } }, claimCode: "WRONG-CODE")).ShouldBeProblemAsync(403, "invalid_claim_code");
        await (await PostAsync(_app, $"/api/wishes/{id}/fulfil", new { note = "送到了", photos = new[] { Png } }, claimCode: claimCode)).ReadJsonAsync(200);

        var index = await IndexTextAsync(_app);
        Assert.Contains($"p-{PersonKeys.Development.Of(PersonPhone)}", index);
        foreach (var secret in new[] { PersonName, PersonPhone, ResidentName, ResidentPhone, "宝盛小区3号楼" })
            Assert.DoesNotContain(secret, index);
    }

    [Fact]
    public async Task A_released_claim_publishes_the_wish_again_and_the_unit_leaves_its_list()
    {
        var dispatcher = await _app.DispatcherAsync();
        var liaison = await _app.LiaisonAsync();
        var (id, _) = await PublishedAsync(_app, dispatcher);
        await (await PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "unit" }, liaison)).ReadJsonAsync(200);
        Assert.Equal([id], Codes(await (await _app.GetAsync("/api/wishes", liaison)).ReadJsonAsync(200)));
        var released = await (await PostAsync(_app, $"/api/wishes/{id}/release", new { reason = "本周人手不足" }, liaison)).ReadJsonAsync(200);
        Assert.Equal("published", released.GetProperty("status").GetString());
        Assert.Empty(Codes(await (await _app.GetAsync("/api/wishes", liaison)).ReadJsonAsync(200)));
        var other = await _app.LiaisonAsync("caiyuan-volunteers");
        await (await PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "unit" }, other)).ReadJsonAsync(200);
    }

    [Fact]
    public async Task A_command_retried_under_its_key_applies_once()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (id, _) = await SubmitAsync(_app);
        var body = new { publicText = "三年级的小朋友想要一个新书包。" };
        var first = await PostAsync(_app, $"/api/wishes/{id}/publish", body, dispatcher, idempotencyKey: "publish-1");
        var again = await PostAsync(_app, $"/api/wishes/{id}/publish", body, dispatcher, idempotencyKey: "publish-1");
        await first.ReadJsonAsync(200);
        await again.ReadJsonAsync(200);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        // Without the key, the same request is a second command, refused by the rules.
        await (await PostAsync(_app, $"/api/wishes/{id}/publish", body, dispatcher)).ShouldBeProblemAsync(409, "wish_published");
        var history = (await _app.Services.GetRequiredService<WishStore>().LoadWithHistoryAsync(id, CancellationToken.None))!;
        Assert.Single(history.Events.OfType<WishPublished>());

        // Submitting under a key: a retry answers the same wish and tracking code.
        var s1 = await (await PostAsync(_app, "/api/wishes", NewWish(), idempotencyKey: "wish-1")).ReadJsonAsync(201);
        var s2 = await PostAsync(_app, "/api/wishes", NewWish(), idempotencyKey: "wish-1");
        var s2json = await s2.ReadJsonAsync(201);
        Assert.Equal((s1.GetProperty("id").GetString(), s1.GetProperty("trackingCode").GetString()),
            (s2json.GetProperty("id").GetString(), s2json.GetProperty("trackingCode").GetString()));
        Assert.Equal("true", s2.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task Six_claims_at_once_exactly_one_wins()
    {
        var dispatcher = await _app.DispatcherAsync();
        var liaisons = await Task.WhenAll(new[] { "baosheng-property", "caiyuan-volunteers", "caiyuan-health-centre" }.Select(u => _app.LiaisonAsync(u)));
        for (var round = 0; round < 3; round++)
        {
            var (id, _) = await PublishedAsync(_app, dispatcher);
            var responses = await Task.WhenAll(
                liaisons.Select(l => PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "unit" }, l))
                    .Concat(Enumerable.Range(0, 3).Select(i => PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "volunteer", name = "志愿者" + i, phone = $"1390000000{i}" }))));
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
                await loser.ShouldBeProblemAsync(409, "wish_already_claimed");
            var history = (await _app.Services.GetRequiredService<WishStore>().LoadWithHistoryAsync(id, CancellationToken.None))!;
            Assert.Single(history.Events.OfType<WishClaimed>());
        }
    }
}
