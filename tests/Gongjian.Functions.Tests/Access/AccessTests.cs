using System.Net.Http.Headers;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Access;

/// <summary>Who may call what: keys, tracking codes, roles and scopes, each refusal with its own code.</summary>
public sealed class AccessTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task List_without_a_key_asks_for_bearer_authentication()
    {
        var response = await _app.GetAsync("/api/orders");
        await response.ShouldBeProblemAsync(401, "authentication_required");
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [InlineData("gjk_not-a-real-key")]
    [InlineData("not-even-the-prefix")]
    public async Task Unknown_key_is_refused(string key)
    {
        var (id, _) = await _app.PlaceAsync();
        await (await _app.GetAsync("/api/orders", key)).ShouldBeProblemAsync(401, "invalid_key");
        // A wrong key is not silently downgraded to an anonymous caller either.
        await (await _app.GetAsync($"/api/orders/{id}", key)).ShouldBeProblemAsync(401, "invalid_key");
    }

    [Fact]
    public async Task Non_bearer_scheme_is_refused()
    {
        var key = await _app.DispatcherAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", key);
        var response = await _app.Http.SendAsync(request, TestContext.Current.CancellationToken);
        await response.ShouldBeProblemAsync(401, "invalid_authorization");
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Revoked_key_is_refused_at_once()
    {
        var keys = _app.Services.GetRequiredService<StaffKeys>();
        var created = await keys.CreateAsync(ActorRole.Dispatcher, "dongqili", "东七里社区派单员", CancellationToken.None);
        await (await _app.GetAsync("/api/orders", created.Key)).ReadJsonAsync(200);

        Assert.True(await keys.RevokeAsync(created.Caller.KeyId, CancellationToken.None));

        await (await _app.GetAsync("/api/orders", created.Key)).ShouldBeProblemAsync(401, "invalid_key");
    }

    [Fact]
    public async Task Dispatcher_of_another_community_is_outside_scope()
    {
        var other = await _app.DispatcherAsync("sanlian");
        var (id, _) = await _app.PlaceAsync();
        await (await _app.GetAsync($"/api/orders/{id}", other)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "baosheng-property" }, other)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/orders?communityId=dongqili", other)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync("/api/orders", TestApp.NewOrder(), other)).ShouldBeProblemAsync(403, "outside_scope");
    }

    [Fact]
    public async Task Liaison_of_another_unit_is_outside_scope_and_no_liaison_dispatches()
    {
        var (dispatcher, liaison, other) = (await _app.DispatcherAsync(), await _app.LiaisonAsync(), await _app.LiaisonAsync("caiyuan-volunteers"));
        var (id, _) = await _app.PlaceAsync();
        await (await _app.GetAsync($"/api/orders/{id}", liaison)).ShouldBeProblemAsync(403, "outside_scope");
        await _app.DispatchAsync(id, dispatcher);

        await (await _app.GetAsync($"/api/orders/{id}", other)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync($"/api/orders/{id}/accept", new { }, other)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/orders?unitId=baosheng-property", other)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "baosheng-property" }, liaison)).ShouldBeProblemAsync(403, "role_not_allowed");
    }

    [Fact]
    public async Task Resident_needs_the_right_tracking_code_and_cannot_act_for_staff()
    {
        var (id, code) = await _app.PlaceAsync();
        await (await _app.GetAsync($"/api/orders/{id}")).ShouldBeProblemAsync(401, "authentication_required");
        await (await _app.GetAsync($"/api/orders/{id}", trackingCode: "ABCD-EFGH")).ShouldBeProblemAsync(403, "invalid_tracking_code");
        var (_, otherCode) = await _app.PlaceAsync();
        await (await _app.GetAsync($"/api/orders/{id}", trackingCode: otherCode)).ShouldBeProblemAsync(403, "invalid_tracking_code");

        await (await _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "baosheng-property" }, trackingCode: code)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.PostAsync($"/api/orders/{id}/reject", new { reason = "自己不予受理" }, trackingCode: code)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.GetAsync("/api/orders?communityId=dongqili", trackingCode: code)).ShouldBeProblemAsync(401, "authentication_required");
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task Tracking_code_is_read_without_case_or_dash(bool lower, bool withoutDash)
    {
        var (id, code) = await _app.PlaceAsync();
        var typed = lower ? code.ToLowerInvariant() : code;
        if (withoutDash) typed = typed.Replace("-", "", StringComparison.Ordinal);
        if (!lower && !withoutDash) typed = $" {code[..4].ToLowerInvariant()} {code[5..]} ";

        var order = await (await _app.GetAsync($"/api/orders/{id}", trackingCode: typed)).ReadJsonAsync(200);
        Assert.Equal(id, order.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Organizer_of_the_street_reads_but_does_not_dispatch()
    {
        var organizer = await _app.OrganizerAsync();
        var (id, _) = await _app.PlaceAsync();
        await (await _app.GetAsync($"/api/orders/{id}", organizer)).ReadJsonAsync(200);
        Assert.Equal([id], await _app.ListIdsAsync(organizer));
        Assert.Equal([id], await _app.ListIdsAsync(organizer, "?communityId=dongqili"));
        await (await _app.GetAsync("/api/orders?communityId=xiqili", organizer)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "baosheng-property" }, organizer)).ShouldBeProblemAsync(403, "role_not_allowed");
    }

    [Fact]
    public async Task Organizer_of_another_street_is_outside_scope()
    {
        var other = await _app.OrganizerAsync("daimiao");
        var (id, _) = await _app.PlaceAsync();
        await (await _app.GetAsync($"/api/orders/{id}", other)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/orders?communityId=dongqili", other)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/orders?streetId=caiyuan", other)).ShouldBeProblemAsync(403, "outside_scope");
    }

    [Fact]
    public async Task Admin_must_name_a_scope_to_list()
    {
        var admin = await _app.KeyAsync(ActorRole.Admin, name: "系统管理员");
        var (id, _) = await _app.PlaceAsync();
        await (await _app.GetAsync("/api/orders", admin)).ShouldBeProblemAsync(400, "scope_required");
        Assert.Equal([id], await _app.ListIdsAsync(admin, "?communityId=dongqili"));
        Assert.Equal([id], await _app.ListIdsAsync(admin, "?streetId=caiyuan"));
    }
}
