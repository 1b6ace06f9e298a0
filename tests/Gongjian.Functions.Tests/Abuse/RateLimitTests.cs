using System.Net.Http.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Abuse;

/// <summary>
/// The abuse limits on the real app: a client is refused with 429, Retry-After and a problem after its
/// limit, other clients are not, and the same client is allowed again once the window has passed. The
/// limiter reads the app's clock, which the test holds still (so a window never lapses mid-test) and
/// moves past the window by hand (so "allowed again" needs no waiting and no timing margin).
/// </summary>
public sealed class RateLimitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly MovableClock _clock = new();
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await StartAsync(
        "--RateLimits:TrustedProxies=127.0.0.1,::1",
        "--RateLimits:Orders:PermitLimit=3", $"--RateLimits:Orders:Window={Window}",
        "--RateLimits:ResidentCommands:PermitLimit=2", $"--RateLimits:ResidentCommands:Window={Window}",
        "--RateLimits:Staff:PermitLimit=5", $"--RateLimits:Staff:Window={Window}");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task<TestApp> StartAsync(params string[] args) =>
        TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock), ["--RateLimits:Enabled=true", .. args]);

    private static Task<HttpResponseMessage> SendAsync(TestApp app, string path, object? body, string? forwardedFor = null,
        string? key = null, string? trackingCode = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (key is not null) request.Headers.Authorization = new("Bearer", key);
        if (trackingCode is not null) request.Headers.Add("X-Tracking-Code", trackingCode);
        return app.Http.SendAsync(request);
    }

    private Task<HttpResponseMessage> PlaceAsync(string forwardedFor, string? key = null) =>
        SendAsync(_app, "/api/orders", TestApp.NewOrder(), forwardedFor, key);

    /// <summary>429 with Retry-After (whole seconds until the window ends) and the rate_limited problem.</summary>
    private static async Task ShouldBeRateLimitedAsync(HttpResponseMessage response, TimeSpan remaining)
    {
        var problem = await response.ShouldBeProblemAsync(429, "rate_limited");
        Assert.Equal("请求过于频繁，请稍后再试。", problem.GetProperty("title").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(remaining, response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task An_address_over_its_order_limit_gets_429_other_addresses_do_not_and_it_is_allowed_again_after_the_window()
    {
        for (var i = 0; i < 3; i++) await (await PlaceAsync("203.0.113.10")).ReadJsonAsync(201);

        await ShouldBeRateLimitedAsync(await PlaceAsync("203.0.113.10"), Window);
        // The proxy appends the peer it saw: the client's own (spoofable) entries to the left are not read.
        await ShouldBeRateLimitedAsync(await PlaceAsync("198.51.100.7, 203.0.113.10"), Window);
        await (await PlaceAsync("203.0.113.11")).ReadJsonAsync(201);
        await (await PlaceAsync("203.0.113.12:50432")).ReadJsonAsync(201);

        _clock.Advance(TimeSpan.FromMinutes(4));
        await ShouldBeRateLimitedAsync(await PlaceAsync("203.0.113.10"), Window - TimeSpan.FromMinutes(4));

        _clock.Advance(Window - TimeSpan.FromMinutes(4));
        await (await PlaceAsync("203.0.113.10")).ReadJsonAsync(201);
    }

    [Fact]
    public async Task Addresses_in_one_IPv6_64_share_a_budget()
    {
        for (var i = 1; i <= 3; i++) await (await PlaceAsync($"2001:db8:5:7::{i}")).ReadJsonAsync(201);

        await ShouldBeRateLimitedAsync(await PlaceAsync("2001:db8:5:7:abcd::9"), Window);
        await (await PlaceAsync("2001:db8:5:8::1")).ReadJsonAsync(201);
    }

    [Fact]
    public async Task Without_trusted_proxies_a_forwarded_header_is_ignored()
    {
        await using var app = await StartAsync("--RateLimits:Orders:PermitLimit=2", $"--RateLimits:Orders:Window={Window}");
        await (await SendAsync(app, "/api/orders", TestApp.NewOrder(), "203.0.113.20")).ReadJsonAsync(201);
        await (await SendAsync(app, "/api/orders", TestApp.NewOrder(), "203.0.113.21")).ReadJsonAsync(201);

        // A script inventing a new X-Forwarded-For per request is still the one connection address.
        await ShouldBeRateLimitedAsync(await SendAsync(app, "/api/orders", TestApp.NewOrder(), "203.0.113.22"), Window);
    }

    [Fact]
    public async Task Resident_commands_are_limited_per_tracking_code_however_it_is_typed()
    {
        var (first, firstCode) = await _app.PlaceAsync();
        var (second, secondCode) = await _app.PlaceAsync();
        var rating = new { rating = 5 };

        // Confirming a placed order is refused by rule (409), and still counts: it is the attempts that are limited.
        for (var i = 0; i < 2; i++)
            await (await SendAsync(_app, $"/api/orders/{first}/confirm", rating, trackingCode: firstCode)).ShouldBeProblemAsync(409, "order_placed");
        await ShouldBeRateLimitedAsync(await SendAsync(_app, $"/api/orders/{first}/confirm", rating, trackingCode: firstCode), Window);
        await ShouldBeRateLimitedAsync(await SendAsync(_app, $"/api/orders/{first}/cancel", new { }, trackingCode: firstCode.ToLowerInvariant().Replace("-", " ")), Window);

        await (await SendAsync(_app, $"/api/orders/{second}/confirm", rating, trackingCode: secondCode)).ShouldBeProblemAsync(409, "order_placed");

        _clock.Advance(Window);
        await (await SendAsync(_app, $"/api/orders/{first}/confirm", rating, trackingCode: firstCode)).ShouldBeProblemAsync(409, "order_placed");
    }

    [Fact]
    public async Task A_staff_key_has_its_own_larger_budget_apart_from_its_address_and_other_keys()
    {
        var dispatcher = await _app.DispatcherAsync();
        var other = await _app.DispatcherAsync();
        // The address has used its anonymous budget…
        for (var i = 0; i < 3; i++) await (await PlaceAsync("203.0.113.30")).ReadJsonAsync(201);
        await ShouldBeRateLimitedAsync(await PlaceAsync("203.0.113.30"), Window);

        // …a dispatcher behind it (an order taken by phone) is counted by key: 5, not 3.
        for (var i = 0; i < 5; i++) await (await PlaceAsync("203.0.113.30", dispatcher)).ReadJsonAsync(201);
        await ShouldBeRateLimitedAsync(await PlaceAsync("203.0.113.30", dispatcher), Window);
        await (await PlaceAsync("203.0.113.30", other)).ReadJsonAsync(201);

        // Staff writes count per key too (a missing order is refused, and counted).
        var liaison = await _app.KeyAsync(ActorRole.Liaison, "baosheng-property");
        for (var i = 0; i < 5; i++)
            await (await SendAsync(_app, "/api/orders/GJ261122-AAAAAA/accept", null, "203.0.113.30", liaison)).ShouldBeProblemAsync(404, "order_not_found");
        await ShouldBeRateLimitedAsync(await SendAsync(_app, "/api/orders/GJ261122-AAAAAA/accept", null, "203.0.113.30", liaison), Window);

        _clock.Advance(Window);
        await (await PlaceAsync("203.0.113.30", dispatcher)).ReadJsonAsync(201);
    }

    [Fact]
    public async Task Reads_are_not_limited()
    {
        var (id, code) = await _app.PlaceAsync();
        for (var i = 0; i < 10; i++)
            await (await _app.GetAsync($"/api/orders/{id}", trackingCode: code)).ReadJsonAsync(200);
    }

    [Fact]
    public async Task Invalid_limits_stop_the_start()
    {
        var e = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            StartAsync("--RateLimits:Orders:PermitLimit=0", "--RateLimits:TrustedProxies=not-an-address"));
        Assert.Contains("RateLimits", e.Message);
    }

    [Fact]
    public async Task Limits_off_means_no_refusal()
    {
        await using var app = await StartAsync("--RateLimits:Enabled=false", "--RateLimits:Orders:PermitLimit=1");
        for (var i = 0; i < 3; i++) await (await SendAsync(app, "/api/orders", TestApp.NewOrder())).ReadJsonAsync(201);
    }
}
