using System.Text.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.StaffConsole;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Admin;

/// <summary>
/// GET/POST /api/keys and POST /api/keys/{keyId}/revoke on Azurite: admins only; scopes checked against the
/// directory; the key shown once and never listed; a revoked key's console session refused on its next request.
/// </summary>
public sealed class StaffKeyAdminTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;
    private string _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite);
        _admin = await _app.KeyAsync(ActorRole.Admin, "", "管理员");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_admin_creates_a_liaison_key_shown_once_and_listed_without_the_key()
    {
        var created = await (await _app.PostAsync("/api/keys", new { role = "liaison", scope = "baosheng-property", name = "宝盛联络员" }, _admin)).ReadJsonAsync(201);
        var key = created.GetProperty("key").GetString()!;
        Assert.StartsWith("gjk_", key);
        var keyId = created.GetProperty("info").GetProperty("keyId").GetString()!;
        Assert.Equal("泰山宝盛置业有限公司", created.GetProperty("info").GetProperty("scopeName").GetString());

        // The new key works.
        await (await _app.GetAsync("/api/orders", key)).ReadJsonAsync(200);

        var listResponse = await _app.GetAsync("/api/keys", _admin);
        var raw = await listResponse.Content.ReadAsStringAsync();
        Assert.DoesNotContain(key, raw);
        var list = JsonDocument.Parse(raw).RootElement;
        var row = Assert.Single(list.EnumerateArray(), k => k.GetProperty("keyId").GetString() == keyId);
        Assert.Equal("liaison", row.GetProperty("role").GetString());
        Assert.False(row.TryGetProperty("revokedAt", out _));
        Assert.Contains(list.EnumerateArray(), k => k.GetProperty("current").GetBoolean() && k.GetProperty("role").GetString() == "admin");
    }

    [Fact]
    public async Task Scopes_roles_and_names_are_checked()
    {
        await (await _app.PostAsync("/api/keys", new { role = "dispatcher", scope = "nowhere", name = "x" }, _admin)).ShouldBeProblemAsync(400, "unknown_community");
        await (await _app.PostAsync("/api/keys", new { role = "liaison", scope = "nobody", name = "x" }, _admin)).ShouldBeProblemAsync(400, "unknown_unit");
        await (await _app.PostAsync("/api/keys", new { role = "organizer", scope = "elsewhere", name = "x" }, _admin)).ShouldBeProblemAsync(400, "unknown_street");
        await (await _app.PostAsync("/api/keys", new { role = "admin", scope = "caiyuan", name = "x" }, _admin)).ShouldBeProblemAsync(400, "invalid_scope");
        await (await _app.PostAsync("/api/keys", new { role = "resident", name = "x" }, _admin)).ShouldBeProblemAsync(400, "invalid_role");
        await (await _app.PostAsync("/api/keys", new { role = "organizer", scope = "caiyuan", name = "" }, _admin)).ShouldBeProblemAsync(400, "invalid_name");
        var organizer = await (await _app.PostAsync("/api/keys", new { role = "organizer", scope = "caiyuan", name = "财源组织方" }, _admin)).ReadJsonAsync(201);
        Assert.Equal("财源街道", organizer.GetProperty("info").GetProperty("scopeName").GetString());
    }

    [Fact]
    public async Task Only_admins_manage_keys()
    {
        var organizer = await _app.OrganizerAsync();
        var dispatcher = await _app.DispatcherAsync();
        await (await _app.GetAsync("/api/keys", organizer)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.PostAsync("/api/keys", new { role = "admin", name = "我自己" }, organizer)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.PostAsync("/api/keys/abc/revoke", null, dispatcher)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.GetAsync("/api/keys")).ShouldBeProblemAsync(401, "authentication_required");
        await (await _app.PostAsync("/api/keys/000000000000/revoke", null, _admin)).ShouldBeProblemAsync(404, "key_not_found");
    }

    [Fact]
    public async Task Revoking_a_key_ends_its_console_session_and_an_admin_cannot_revoke_its_own()
    {
        var created = await (await _app.PostAsync("/api/keys", new { role = "liaison", scope = "baosheng-property", name = "宝盛联络员" }, _admin)).ReadJsonAsync(201);
        var key = created.GetProperty("key").GetString()!;
        var keyId = created.GetProperty("info").GetProperty("keyId").GetString()!;
        using var browser = new SessionClient(_app);
        var session = await browser.SignInAsync(key);
        await (await browser.SendAsync(HttpMethod.Get, "/api/orders", cookie: session.Cookie)).ReadJsonAsync(200);

        var revoked = await (await _app.PostAsync($"/api/keys/{keyId}/revoke", null, _admin)).ReadJsonAsync(200);
        Assert.True(revoked.TryGetProperty("revokedAt", out _));
        await (await _app.PostAsync($"/api/keys/{keyId}/revoke", null, _admin)).ReadJsonAsync(200); // again is fine

        await (await browser.SendAsync(HttpMethod.Get, "/api/orders", cookie: session.Cookie)).ShouldBeProblemAsync(401, "session_revoked");
        await (await _app.GetAsync("/api/orders", key)).ShouldBeProblemAsync(401, "invalid_key");

        var list = await (await _app.GetAsync("/api/keys", _admin)).ReadJsonAsync(200);
        var me = Assert.Single(list.EnumerateArray(), k => k.GetProperty("current").GetBoolean());
        await (await _app.PostAsync($"/api/keys/{me.GetProperty("keyId").GetString()}/revoke", null, _admin)).ShouldBeProblemAsync(409, "own_key");
        await (await _app.GetAsync("/api/keys", _admin)).ReadJsonAsync(200);
    }
}
