using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// Console sign-in sessions on real Azurite: the cookie's attributes, who it signs in, CSRF-proof
/// writes, and every way a session ends (expiry, sign-out, revoked key, forgery), each with its own problem code.
/// </summary>
public sealed class SessionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly MovableClock _clock = new();
    private TestApp _app = null!;
    private SessionClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock));
        _client = new SessionClient(_app);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Sign_in_sets_an_http_only_strict_cookie_and_says_who_is_signed_in()
    {
        var key = await _app.DispatcherAsync();
        var signedIn = await _client.SignInAsync(key);

        var attributes = signedIn.SetCookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/api", attributes);
        Assert.DoesNotContain("secure", attributes); // plain http on 127.0.0.1: a developer's machine
        Assert.DoesNotContain(key, signedIn.SetCookie);
        Assert.DoesNotContain(key, signedIn.Body.GetRawText());
        Assert.Equal("dispatcher", signedIn.Body.GetProperty("role").GetString());
        Assert.Equal("东七里社区", signedIn.Body.GetProperty("scopeName").GetString());
        Assert.Equal("东七里社区派单员", signedIn.Body.GetProperty("name").GetString());

        var me = await (await _client.SendAsync(HttpMethod.Get, "/api/session", cookie: signedIn.Cookie)).ReadJsonAsync(200);
        Assert.Equal("dongqili", me.GetProperty("scope").GetString());
        Assert.Equal(signedIn.CsrfToken, me.GetProperty("csrfToken").GetString());
    }

    [Fact]
    public async Task Cookie_is_secure_when_the_console_is_not_on_a_loopback_address()
    {
        var key = await _app.LiaisonAsync();
        var response = await _client.SendAsync(HttpMethod.Post, "/api/session", new { key }, host: "gongjian.example.cn");
        await response.ReadJsonAsync(201);
        Assert.Contains("secure", Assert.Single(response.Headers.GetValues("Set-Cookie")).ToLowerInvariant().Split(';').Select(a => a.Trim()));
    }

    [Fact]
    public async Task Cookie_reads_the_scope_of_its_key_and_no_other()
    {
        var (id, _) = await _app.PlaceAsync();
        var (other, _) = await _app.PlaceAsync(TestApp.NewOrder(community: "sanlian"));
        var session = await _client.SignInAsync(await _app.DispatcherAsync());

        var list = await (await _client.SendAsync(HttpMethod.Get, "/api/orders?status=placed", cookie: session.Cookie)).ReadJsonAsync(200);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetString() == id);
        await (await _client.SendAsync(HttpMethod.Get, $"/api/orders/{other}", cookie: session.Cookie)).ShouldBeProblemAsync(403, "outside_scope");
    }

    [Fact]
    public async Task Write_with_the_cookie_needs_the_sessions_csrf_token()
    {
        var (id, _) = await _app.PlaceAsync();
        var session = await _client.SignInAsync(await _app.DispatcherAsync());
        var dispatch = new { unitId = "baosheng-property" };

        await (await _client.SendAsync(HttpMethod.Post, $"/api/orders/{id}/dispatch", dispatch, session.Cookie)).ShouldBeProblemAsync(403, "csrf_token_missing");
        var other = await _client.SignInAsync(await _app.DispatcherAsync());
        await (await _client.SendAsync(HttpMethod.Post, $"/api/orders/{id}/dispatch", dispatch, session.Cookie, csrf: other.CsrfToken))
            .ShouldBeProblemAsync(403, "csrf_token_invalid");
        // Refused writes did nothing.
        var order = await (await _app.GetAsync($"/api/orders/{id}", await _app.DispatcherAsync())).ReadJsonAsync(200);
        Assert.Equal("placed", order.GetProperty("status").GetString());

        var done = await (await _client.SendAsync(HttpMethod.Post, $"/api/orders/{id}/dispatch", dispatch, session.Cookie, csrf: session.CsrfToken)).ReadJsonAsync(200);
        Assert.Equal("dispatched", done.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("gj_session=forged-but-long-enough-to-look-real-0123456789")]
    [InlineData("gj_session=x")]
    public async Task Forged_cookie_is_refused_and_cleared(string cookie)
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/api/orders", cookie: cookie);
        await response.ShouldBeProblemAsync(401, "session_invalid");
        Assert.Contains("gj_session=;", Assert.Single(response.Headers.GetValues("Set-Cookie")));
        await (await _client.SendAsync(HttpMethod.Get, "/api/session", cookie: cookie)).ShouldBeProblemAsync(401, "session_invalid");
    }

    [Fact]
    public async Task Idle_session_expires_after_twelve_hours_and_use_keeps_it_alive()
    {
        var session = await _client.SignInAsync(await _app.DispatcherAsync());
        _clock.Advance(TimeSpan.FromHours(11));
        await (await _client.SendAsync(HttpMethod.Get, "/api/orders", cookie: session.Cookie)).ReadJsonAsync(200);
        _clock.Advance(TimeSpan.FromHours(11)); // 22 h after sign-in, 11 h after the last use: still signed in
        await (await _client.SendAsync(HttpMethod.Get, "/api/orders", cookie: session.Cookie)).ReadJsonAsync(200);

        _clock.Advance(StaffSessions.IdleFor + TimeSpan.FromMinutes(1));
        await (await _client.SendAsync(HttpMethod.Get, "/api/orders", cookie: session.Cookie)).ShouldBeProblemAsync(401, "session_expired");
        await (await _client.SendAsync(HttpMethod.Get, "/api/session", cookie: session.Cookie)).ShouldBeProblemAsync(401, "session_expired");
    }

    [Fact]
    public async Task No_session_outlives_seven_days_however_busy()
    {
        var session = await _client.SignInAsync(await _app.DispatcherAsync());
        for (var elapsed = TimeSpan.Zero; elapsed < StaffSessions.AtMost - TimeSpan.FromHours(10); elapsed += TimeSpan.FromHours(10))
        {
            _clock.Advance(TimeSpan.FromHours(10));
            await (await _client.SendAsync(HttpMethod.Get, "/api/orders", cookie: session.Cookie)).ReadJsonAsync(200);
        }
        _clock.Advance(TimeSpan.FromHours(10));
        await (await _client.SendAsync(HttpMethod.Get, "/api/orders", cookie: session.Cookie)).ShouldBeProblemAsync(401, "session_expired");
    }

    [Fact]
    public async Task Revoking_the_key_ends_its_sessions()
    {
        var keys = _app.Services.GetRequiredService<StaffKeys>();
        var created = await keys.CreateAsync(ActorRole.Dispatcher, "dongqili", "东七里社区派单员", CancellationToken.None);
        var session = await _client.SignInAsync(created.Key);
        await (await _client.SendAsync(HttpMethod.Get, "/api/orders", cookie: session.Cookie)).ReadJsonAsync(200);

        Assert.True(await keys.RevokeAsync(created.Caller.KeyId, CancellationToken.None));

        await (await _client.SendAsync(HttpMethod.Get, "/api/orders", cookie: session.Cookie)).ShouldBeProblemAsync(401, "session_revoked");
        await (await _client.SendAsync(HttpMethod.Post, "/api/session", new { key = created.Key })).ShouldBeProblemAsync(401, "invalid_key");
    }

    [Fact]
    public async Task Sign_out_ends_the_session_on_the_server_and_a_replayed_cookie_is_refused()
    {
        var session = await _client.SignInAsync(await _app.LiaisonAsync());
        await (await _client.SendAsync(HttpMethod.Delete, "/api/session", cookie: session.Cookie)).ShouldBeProblemAsync(403, "csrf_token_missing");

        var response = await _client.SendAsync(HttpMethod.Delete, "/api/session", cookie: session.Cookie, csrf: session.CsrfToken);
        Assert.Equal(204, (int)response.StatusCode);
        Assert.Contains("gj_session=;", Assert.Single(response.Headers.GetValues("Set-Cookie")));

        await (await _client.SendAsync(HttpMethod.Get, "/api/orders", cookie: session.Cookie)).ShouldBeProblemAsync(401, "session_revoked");
        // Signing out again, with the dead cookie, is no error.
        Assert.Equal(204, (int)(await _client.SendAsync(HttpMethod.Delete, "/api/session", cookie: session.Cookie)).StatusCode);
    }

    [Fact]
    public async Task Signing_in_again_replaces_the_session_the_browser_had()
    {
        var first = await _client.SignInAsync(await _app.DispatcherAsync());
        var response = await _client.SendAsync(HttpMethod.Post, "/api/session", new { key = await _app.LiaisonAsync() }, cookie: first.Cookie);
        var body = await response.ReadJsonAsync(201);
        Assert.Equal("liaison", body.GetProperty("role").GetString());
        await (await _client.SendAsync(HttpMethod.Get, "/api/orders", cookie: first.Cookie)).ShouldBeProblemAsync(401, "session_revoked");
    }

    [Theory]
    [InlineData("gjk_not-a-real-key", 401, "invalid_key")]
    [InlineData("   ", 400, "key_required")]
    public async Task Sign_in_with_a_bad_key_is_refused(string key, int status, string code)
    {
        var response = await _client.SendAsync(HttpMethod.Post, "/api/session", new { key });
        await response.ShouldBeProblemAsync(status, code);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Without_a_cookie_the_session_endpoint_asks_to_sign_in()
    {
        await (await _client.SendAsync(HttpMethod.Get, "/api/session")).ShouldBeProblemAsync(401, "session_required");
    }

    [Fact]
    public async Task Bearer_key_wins_over_a_cookie()
    {
        var liaison = await _client.SignInAsync(await _app.LiaisonAsync());
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders?communityId=dongqili");
        request.Headers.Add("Cookie", liaison.Cookie);
        request.Headers.Authorization = new("Bearer", await _app.DispatcherAsync());
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _app.Http.BaseAddress };
        // The community's list: the dispatcher's key may read it, the liaison's cookie alone may not.
        await (await http.SendAsync(request)).ReadJsonAsync(200);
        var asDispatcher = new HttpRequestMessage(HttpMethod.Get, "/api/orders?communityId=dongqili");
        asDispatcher.Headers.Add("Cookie", liaison.Cookie);
        await (await http.SendAsync(asDispatcher)).ShouldBeProblemAsync(403, "outside_scope");
    }
}
