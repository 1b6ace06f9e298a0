using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.StaffConsole;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.ConsoleApi;

/// <summary>
/// The PIPL audit of unmasked contact views on Azurite: every answer that shows staff the resident's phone and
/// address leaves a row (who, role, when, through what), <c>?contact=masked</c> shows and records nothing,
/// and only the street's organizer, admins and the community's dispatcher read the audit.
/// </summary>
public sealed class ContactViewTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Phone = "13805381234";
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<(string Key, string KeyId)> KeyAsync(ActorRole role, string scope, string name)
    {
        var created = await _app.Services.GetRequiredService<StaffKeys>().CreateAsync(role, scope, name, CancellationToken.None);
        return (created.Key, created.Caller.KeyId);
    }

    private async Task<JsonElement[]> ViewsAsync(string id, string key) =>
        (await (await _app.GetAsync($"/api/orders/{id}/contact-views", key)).ReadJsonAsync(200)).GetProperty("items").EnumerateArray().ToArray();

    private async Task<int> RowsAsync(string id)
    {
        var n = 0;
        await foreach (var row in _app.Storage.ContactViews.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}")))
        {
            Assert.DoesNotContain(Phone, string.Join("|", row.Select(p => p.Value))); // the audit names who looked, never what they saw
            n++;
        }
        return n;
    }

    [Fact]
    public async Task Each_unmasked_view_is_recorded_and_a_masked_one_is_not()
    {
        var (dispatcher, dispatcherId) = await KeyAsync(ActorRole.Dispatcher, "dongqili", "东七里社区派单员");
        var (organizer, _) = await KeyAsync(ActorRole.Organizer, "caiyuan", "财源街道党工委");
        var (liaison, liaisonId) = await KeyAsync(ActorRole.Liaison, "baosheng-property", "宝盛置业联络员");
        var (id, code) = await _app.PlaceAsync();

        // A look without revealing: masked, flagged as withheld, nothing recorded.
        var masked = await (await _app.GetAsync($"/api/orders/{id}?contact=masked", dispatcher)).ReadJsonAsync(200);
        Assert.Equal("138****1234", masked.GetProperty("contact").GetProperty("phone").GetString());
        Assert.DoesNotContain(Phone, masked.GetRawText());
        Assert.False(masked.GetProperty("contactVisible").GetBoolean());
        Assert.True(masked.GetProperty("contactWithheld").GetBoolean());
        Assert.Equal(0, await RowsAsync(id));

        // 显示联系方式 through the API (a bearer key), then through the console (the session cookie).
        var full = await (await _app.GetAsync($"/api/orders/{id}", dispatcher)).ReadJsonAsync(200);
        Assert.Equal(Phone, full.GetProperty("contact").GetProperty("phone").GetString());
        Assert.False(full.TryGetProperty("contactWithheld", out var w) && w.GetBoolean());
        using var browser = new SessionClient(_app);
        var session = await browser.SignInAsync(dispatcher);
        await (await browser.SendAsync(HttpMethod.Get, $"/api/orders/{id}", cookie: session.Cookie)).ReadJsonAsync(200);

        // Dispatching with ?contact=masked shows nothing; the liaison's accept answer shows the contact: recorded.
        await (await _app.PostAsync($"/api/orders/{id}/dispatch?contact=masked", new { unitId = "baosheng-property" }, dispatcher)).ReadJsonAsync(200);
        var accepted = await (await _app.PostAsync($"/api/orders/{id}/accept", null, liaison)).ReadJsonAsync(200);
        Assert.Equal(Phone, accepted.GetProperty("contact").GetProperty("phone").GetString());

        // Those who may never see it (the organizer, the resident's own tracking view) leave no row.
        Assert.DoesNotContain(Phone, (await (await _app.GetAsync($"/api/orders/{id}", organizer)).ReadJsonAsync(200)).GetRawText());
        await (await _app.GetAsync($"/api/orders/{id}", trackingCode: code)).ReadJsonAsync(200);

        Assert.Equal(3, await RowsAsync(id));
        var views = await ViewsAsync(id, organizer);
        Assert.Equal(3, views.Length);
        // Newest first: the liaison's accept, the console view, the API view.
        Assert.Equal([liaisonId, dispatcherId, dispatcherId], views.Select(v => v.GetProperty("keyId").GetString()).ToArray());
        Assert.Equal(["liaison", "dispatcher", "dispatcher"], views.Select(v => v.GetProperty("role").GetString()).ToArray());
        Assert.Equal(["api", "console", "api"], views.Select(v => v.GetProperty("via").GetString()).ToArray());
        Assert.Equal("工作台", views[1].GetProperty("viaName").GetString());
        Assert.Equal("东七里社区派单员", views[1].GetProperty("name").GetString());
        Assert.True(views[0].GetProperty("at").GetDateTimeOffset() >= views[2].GetProperty("at").GetDateTimeOffset());
        // The community's dispatcher and an admin read the same audit.
        Assert.Equal(3, (await ViewsAsync(id, dispatcher)).Length);
        Assert.Equal(3, (await ViewsAsync(id, await _app.KeyAsync(ActorRole.Admin))).Length);
    }

    [Fact]
    public async Task Wrong_roles_and_scopes_read_no_audit_and_a_bad_contact_parameter_changes_nothing()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (id, _) = await _app.PlaceAsync();
        await (await _app.GetAsync($"/api/orders/{id}", dispatcher)).ReadJsonAsync(200);

        foreach (var (key, status, code) in new[]
        {
            (await _app.KeyAsync(ActorRole.Dispatcher, "sanlian"), 403, "outside_scope"),
            (await _app.OrganizerAsync("other-street"), 403, "outside_scope"),
            (await _app.LiaisonAsync(), 403, "role_not_allowed"),
        })
        {
            var response = await _app.GetAsync($"/api/orders/{id}/contact-views", key);
            var body = await response.Content.ReadAsStringAsync();
            await response.ShouldBeProblemAsync(status, code);
            Assert.DoesNotContain("keyId", body);
        }
        await (await _app.GetAsync($"/api/orders/{id}/contact-views")).ShouldBeProblemAsync(401, "authentication_required");
        await (await _app.GetAsync("/api/orders/GJ000101-AAAAAA/contact-views", dispatcher)).ShouldBeProblemAsync(404, "order_not_found");

        // ?contact=bogus is refused before anything happens: the order is not dispatched, nothing recorded.
        var refused = await (await _app.PostAsync($"/api/orders/{id}/dispatch?contact=bogus", new { unitId = "baosheng-property" }, dispatcher))
            .ShouldBeProblemAsync(400, "invalid_contact");
        Assert.Equal("contact", refused.GetProperty("field").GetString());
        await (await _app.GetAsync($"/api/orders/{id}?contact=all", dispatcher)).ShouldBeProblemAsync(400, "invalid_contact");
        Assert.Equal("placed", (await (await _app.GetAsync($"/api/orders/{id}?contact=masked", dispatcher)).ReadJsonAsync(200)).GetProperty("status").GetString());
        Assert.Equal(1, await RowsAsync(id));
    }
}
