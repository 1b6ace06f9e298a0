using System.Net.Http.Json;
using System.Text.Json;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// A browser's view of the session API, by hand: no cookie container, so each test says exactly which
/// cookie and which CSRF header a request carries.
/// </summary>
public sealed class SessionClient(TestApp app) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.Http.BaseAddress };

    public sealed record SignedIn(string Cookie, string CsrfToken, JsonElement Body, string SetCookie);

    public async Task<SignedIn> SignInAsync(string key)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/session", new { key });
        var body = await response.ReadJsonAsync(201);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        var cookie = setCookie.Split(';')[0];
        Assert.StartsWith("gj_session=", cookie);
        return new SignedIn(cookie, body.GetProperty("csrfToken").GetString()!, body, setCookie);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? cookie = null,
        string? csrf = null, string? host = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (csrf is not null) request.Headers.Add("X-Gongjian-Csrf", csrf);
        if (host is not null) request.Headers.Host = host;
        return _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
