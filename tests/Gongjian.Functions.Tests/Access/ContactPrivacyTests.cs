using System.Text.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Access;

/// <summary>
/// PIPL: the resident's phone, address and name are shown in full only to the dispatcher of the
/// community and to the unit once it has accepted; everyone else gets them masked, and lists never carry them.
/// </summary>
public sealed class ContactPrivacyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string FullAddress = "宝盛小区3号楼2单元301";
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Dispatcher_of_the_community_sees_the_full_contact()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (id, _) = await _app.PlaceAsync();

        var (order, _) = await ReadOrderAsync(id, dispatcher);

        AssertFull(order);
    }

    [Fact]
    public async Task Liaison_sees_the_contact_masked_before_accepting_and_in_full_after()
    {
        var (dispatcher, liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        var (id, _) = await _app.PlaceAsync();
        await _app.DispatchAsync(id, dispatcher);

        var (before, beforeText) = await ReadOrderAsync(id, liaison);
        AssertMasked(before, beforeText);
        // The answer to the accept itself is the first to carry the contact.
        var accepted = await (await _app.PostAsync($"/api/orders/{id}/accept", new { }, liaison)).ReadJsonAsync(200);
        AssertFull(accepted);
        var (after, _) = await ReadOrderAsync(id, liaison);
        AssertFull(after);
    }

    [Fact]
    public async Task Liaison_answer_to_a_decline_keeps_the_contact_masked()
    {
        var (dispatcher, liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        var (id, _) = await _app.PlaceAsync();
        await _app.DispatchAsync(id, dispatcher);

        var response = await _app.PostAsync($"/api/orders/{id}/decline", new { reason = "本周人手不足" }, liaison);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        AssertMasked(JsonDocument.Parse(text).RootElement, text);
    }

    [Fact]
    public async Task Organizer_admin_and_resident_always_see_it_masked()
    {
        var (dispatcher, liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        var organizer = await _app.OrganizerAsync();
        var admin = await _app.KeyAsync(ActorRole.Admin, name: "系统管理员");
        var (id, code) = await _app.CompletedOrderAsync(dispatcher, liaison);

        foreach (var (key, tracking) in new[] { (organizer, (string?)null), (admin, null), (null, code) })
        {
            var (order, text) = await ReadOrderAsync(id, key, tracking);
            AssertMasked(order, text);
        }
        var confirmed = await _app.PostAsync($"/api/orders/{id}/confirm", new { rating = 5 }, trackingCode: code);
        var confirmedText = await confirmed.Content.ReadAsStringAsync();
        AssertMasked(JsonDocument.Parse(confirmedText).RootElement, confirmedText);
    }

    [Fact]
    public async Task Lists_never_carry_the_phone_or_the_address()
    {
        var (dispatcher, liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        var organizer = await _app.OrganizerAsync();
        var admin = await _app.KeyAsync(ActorRole.Admin, name: "系统管理员");
        var (id, _) = await _app.PlaceAsync();
        await _app.DispatchAsync(id, dispatcher);
        await _app.AcceptAsync(id, liaison);

        foreach (var (key, query) in new[] { (dispatcher, ""), (liaison, ""), (organizer, ""), (admin, "?communityId=dongqili") })
        {
            var text = await (await _app.GetAsync($"/api/orders{query}", key)).Content.ReadAsStringAsync();
            Assert.Contains(id, text);
            Assert.DoesNotContain(BadInputHelpers.Phone, text);
            Assert.DoesNotContain("5381234", text);
            Assert.DoesNotContain(FullAddress, text);
            Assert.DoesNotContain("秀英", text);
        }
    }

    private async Task<(JsonElement Order, string Text)> ReadOrderAsync(string id, string? key, string? trackingCode = null)
    {
        var response = await _app.GetAsync($"/api/orders/{id}", key, trackingCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    private static void AssertFull(JsonElement order)
    {
        Assert.True(order.GetProperty("contactVisible").GetBoolean());
        Assert.Equal(BadInputHelpers.Phone, order.GetProperty("contact").GetProperty("phone").GetString());
        Assert.Equal("李秀英", order.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal(FullAddress, order.GetProperty("address").GetString());
    }

    private static void AssertMasked(JsonElement order, string text)
    {
        Assert.False(order.GetProperty("contactVisible").GetBoolean());
        Assert.Equal("138****1234", order.GetProperty("contact").GetProperty("phone").GetString());
        Assert.Equal("李**", order.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal("宝盛小区****", order.GetProperty("address").GetString());
        Assert.DoesNotContain(BadInputHelpers.Phone, text);
        Assert.DoesNotContain("3号楼", text);
        Assert.False(BadInputHelpers.MentionsHouseNumber(text), text);
        Assert.DoesNotContain("秀英", text);
    }
}
