using System.Net.Http.Headers;
using System.Net.Http.Json;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Gongjian.Functions.Tests.Activities.ActivityClient;

namespace Gongjian.Functions.Tests.Abuse;

/// <summary>
/// Guessing a registration code is limited: cancelling an activity registration (phone + code in the body, no key)
/// counts against the caller's address, so an address that guesses wrong is refused with 429 and the rate_limited
/// problem after its limit, while the resident at another address, and a staff key at the guesser's very address,
/// go on. The limiter reads the app's clock, which the test holds still and moves past the window by hand.
/// </summary>
public sealed class CodeGuessingRateLimitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private const string Guesser = "203.0.113.66";
    private const string Resident = "203.0.113.50";
    private readonly MovableClock _clock = new();
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock),
        "--RateLimits:Enabled=true", "--RateLimits:TrustedProxies=127.0.0.1,::1",
        "--RateLimits:ResidentCommands:PermitLimit=3", $"--RateLimits:ResidentCommands:Window={Window}",
        "--RateLimits:Orders:PermitLimit=3", $"--RateLimits:Orders:Window={Window}");

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<HttpResponseMessage> PostFromAsync(string address, string path, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", address);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return _app.Http.SendAsync(request);
    }

    private static async Task ShouldBeRateLimitedAsync(HttpResponseMessage response, TimeSpan remaining)
    {
        var problem = await response.ShouldBeProblemAsync(429, "rate_limited");
        Assert.Equal("请求过于频繁，请稍后再试。", problem.GetProperty("title").GetString());
        Assert.Equal(remaining, response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Wrong_registration_codes_from_one_address_get_429_the_resident_elsewhere_and_a_staff_key_do_not()
    {
        var dispatcher = await _app.DispatcherAsync();
        var id = (await (await PostFromAsync(Guesser, "/api/activities", NewActivity(capacity: 5), dispatcher)).ReadJsonAsync(201)).GetProperty("id").GetString()!;
        var registered = await (await PostFromAsync(Resident, $"/api/activities/{id}/registrations",
            new { name = Residents[0].Name, phone = Residents[0].Phone, kind = "residents" })).ReadJsonAsync(201);
        var code = registered.GetProperty("registrationCode").GetString()!;
        var cancel = $"/api/activities/{id}/registrations/cancel";

        foreach (var guess in new[] { "AAAA-BBBB", "AAAA-BBBC", "AAAA-BBBD" })
            await (await PostFromAsync(Guesser, cancel, new { phone = Residents[0].Phone, code = guess })).ShouldBeProblemAsync(403, "wrong_code");
        await ShouldBeRateLimitedAsync(await PostFromAsync(Guesser, cancel, new { phone = Residents[0].Phone, code = "AAAA-BBBE" }), Window);
        // Past the limit the address is refused before the code is even looked at, the right one included.
        await ShouldBeRateLimitedAsync(await PostFromAsync(Guesser, cancel, new { phone = Residents[0].Phone, code }), Window);

        // A staff key is its own partition: the organiser's writes from the guesser's address (more than the anonymous limit) go through.
        for (var i = 0; i < 4; i++)
            await (await PostFromAsync(Guesser, "/api/activities", NewActivity(), dispatcher)).ReadJsonAsync(201);

        // The resident at home is not locked out by the guesser.
        var cancelled = await (await PostFromAsync(Resident, cancel, new { phone = Residents[0].Phone, code })).ReadJsonAsync(200);
        Assert.Equal("已取消报名", cancelled.GetProperty("statusText").GetString());

        _clock.Advance(Window);
        await (await PostFromAsync(Guesser, cancel, new { phone = Residents[0].Phone, code = "AAAA-BBBF" })).ShouldBeProblemAsync(409, "not_registered");
    }

    [Fact]
    public async Task Activity_registrations_and_orders_share_one_anonymous_budget_per_address()
    {
        var dispatcher = await _app.DispatcherAsync();
        var first = (await (await PostFromAsync(Guesser, "/api/activities", NewActivity(capacity: 9), dispatcher)).ReadJsonAsync(201)).GetProperty("id").GetString()!;
        for (var person = 0; person < 3; person++)
            await (await PostFromAsync(Resident, $"/api/activities/{first}/registrations",
                new { name = Residents[person].Name, phone = Residents[person].Phone, kind = "residents" })).ReadJsonAsync(201);

        await ShouldBeRateLimitedAsync(await PostFromAsync(Resident, $"/api/activities/{first}/registrations",
            new { name = Residents[3].Name, phone = Residents[3].Phone, kind = "residents" }), Window);
        await ShouldBeRateLimitedAsync(await PostFromAsync(Resident, "/api/orders", TestApp.NewOrder()), Window);
        await (await PostFromAsync(Guesser, $"/api/activities/{first}/registrations",
            new { name = Residents[3].Name, phone = Residents[3].Phone, kind = "residents" })).ReadJsonAsync(201);
    }
}
