using System.Net;
using System.Text.RegularExpressions;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// The console's static files as the app serves them: the single page for every route (no-cache, a
/// strict CSP with a fresh nonce, the right base for /console/ and /api/console/), hashed assets
/// cached for a year and sent compressed, and nothing outside the build.
/// </summary>
public sealed partial class ConsoleFilesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite);
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = _app.Http.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("/console/", "/console/")]
    [InlineData("/console/orders/GJ261205-WCFXMZ", "/console/")]
    [InlineData("/console/board?tab=overdue", "/console/")]
    [InlineData("/api/console/", "/api/console/")]
    [InlineData("/api/console/unit", "/api/console/")]
    public async Task Every_console_route_is_the_page_with_its_base_and_a_strict_policy(string path, string expectedBase)
    {
        var response = await _http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<base href=\"{expectedBase}\" />", html);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotMatch("script-src[^;]*unsafe-inline", policy);
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.True(nonce.Length >= 16, policy);
        Assert.Contains($"<meta name=\"csp-nonce\" content=\"{nonce}\" />", html);
    }

    [Fact]
    public async Task Each_page_load_has_its_own_nonce()
    {
        var first = (await _http.GetAsync("/console/")).Headers.GetValues("Content-Security-Policy").Single();
        var second = (await _http.GetAsync("/console/")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.NotEqual(Nonce().Match(first).Value, Nonce().Match(second).Value);
    }

    [Fact]
    public async Task Console_without_the_slash_redirects_to_the_folder()
    {
        var response = await _http.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_and_sent_compressed()
    {
        var html = await _http.GetStringAsync("/console/");
        var scripts = Asset().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var asset in scripts)
        {
            var plain = await _http.GetAsync("/console/" + asset);
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.Equal(asset.EndsWith(".css") ? "text/css" : "text/javascript", plain.Content.Headers.ContentType?.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", plain.Headers.CacheControl?.ToString());
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            var bytes = await plain.Content.ReadAsByteArrayAsync();

            var request = new HttpRequestMessage(HttpMethod.Get, "/console/" + asset);
            request.Headers.Add("Accept-Encoding", "gzip");
            var gzipped = await _http.SendAsync(request);
            Assert.Equal("gzip", Assert.Single(gzipped.Content.Headers.ContentEncoding));
            await using var unzip = new System.IO.Compression.GZipStream(await gzipped.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
            using var copy = new MemoryStream();
            await unzip.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }
    }

    [Theory]
    [InlineData("/console/assets/missing-1234.js")]
    [InlineData("/console/favicon.ico")]
    [InlineData("/console/assets/..%2F..%2FGongjian.Functions.dll")]
    [InlineData("/console/assets/..%5C..%5CGongjian.Functions.dll")]
    public async Task Anything_outside_the_build_is_not_found(string path)
    {
        await (await _http.GetAsync(path)).ShouldBeProblemAsync(404, "console_file_not_found");
    }

    [Fact]
    public async Task Dot_segments_never_reach_the_app_folder()
    {
        // Kestrel folds /../ before routing: what is left is no console path, and never the app's files.
        var response = await _http.GetAsync("/console/assets/%2e%2e/%2e%2e/Gongjian.Functions.dll");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex("'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("(?:src|href)=\"\\./(assets/[^\"]+)\"")]
    private static partial Regex Asset();
}
