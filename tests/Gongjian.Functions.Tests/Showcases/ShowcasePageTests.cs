using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Gongjian.Functions.Showcases.Pages;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Showcases;

/// <summary>
/// The public pages over HTTP: HTML with strict headers, texts escaped, nothing of the orders but the
/// anonymised view, link-preview tags with absolute URLs, ETag revalidation, paging, and friendly
/// Chinese 404 pages instead of problem details.
/// </summary>
public sealed partial class ShowcasePageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Story = "东七里社区居民反映楼道灯损坏，泰山宝盛置业当天上门更换。\n邻居们说，晚上下楼终于不用摸黑了。";
    private TestApp _app = null!;
    private string _organizer = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite);
        _organizer = await _app.OrganizerAsync();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<(HttpResponseMessage Response, string Html)> GetPageAsync(string path, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        var response = await _app.Http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_showcase_page_shows_the_view_and_nothing_else_of_the_orders()
    {
        var stairs = await ShowcasePageSetup.StairLightAsync(_app, rating: 4);
        var lunch = await ShowcasePageSetup.LunchDeliveryAsync(_app);
        var id = await ShowcasePageSetup.PublishAsync(_app, _organizer, "楼道亮了，老人吃上热乎饭", Story, stairs, lunch);

        var (response, html) = await GetPageAsync(PagePaths.Showcase("caiyuan", id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        foreach (var shown in new[] { "楼道亮了，老人吃上热乎饭", "邻居们说，晚上下楼终于不用摸黑了。", "泰山宝盛置业有限公司", "财源街道社区卫生服务中心",
                     "东七里社区", "三联社区", "设施维修", "养老助老", "4 分", "暂未评价", "财源街道" })
            Assert.Contains(shown, html);
        foreach (var secret in ShowcasePageSetup.PersonalData.Append(stairs.Id).Append(lunch.Id).Append(stairs.TrackingCode).Append(lunch.TrackingCode))
            Assert.DoesNotContain(secret, html);
        // Only the showcase's after-photos, by position: never an order's own photo address (its before-photo included).
        var images = ImageSources().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([$"/api/showcases/{id}/photos/0", $"/api/showcases/{id}/photos/1", $"/api/showcases/{id}/photos/2"], images);
        Assert.DoesNotContain("/api/orders/", html);
    }

    [Fact]
    public async Task Headers_allow_no_script_and_only_the_pages_own_style()
    {
        var id = await ShowcasePageSetup.PublishAsync(_app, _organizer, "楼道亮了", Story, await ShowcasePageSetup.StairLightAsync(_app));

        foreach (var path in new[] { PagePaths.Showcase("caiyuan", id), PagePaths.Street("caiyuan"), PagePaths.Street("nowhere") })
        {
            var (response, html) = await GetPageAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", csp);
            Assert.Contains($"style-src {PageStyle.CspSource}", csp);
            Assert.DoesNotContain("unsafe", csp);
            Assert.DoesNotContain("script-src", csp); // scripts fall back to default-src 'none'
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.True(response.Headers.CacheControl?.Public, path);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            // The one inline stylesheet is the text the policy's hash allows.
            Assert.Contains($"<style>{PageStyle.Css}</style>", html);
        }
    }

    [Fact]
    public async Task Markup_in_a_title_or_story_is_shown_as_text()
    {
        const string title = "<script>alert('标题')</script>路灯修好了";
        const string story = "居民说：<img src=x onerror=alert(1)> \"好\" & <b>谢谢</b>";
        var id = await ShowcasePageSetup.PublishAsync(_app, _organizer, title, story, await ShowcasePageSetup.StairLightAsync(_app));

        foreach (var path in new[] { PagePaths.Showcase("caiyuan", id), PagePaths.Street("caiyuan") })
        {
            var (_, html) = await GetPageAsync(path);
            Assert.DoesNotContain("<script>", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("<b>谢谢", html);
            Assert.Contains("&lt;script&gt;alert(", html);
        }
        var (_, page) = await GetPageAsync(PagePaths.Showcase("caiyuan", id));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page);
        Assert.Contains("<title>&lt;script&gt;", page);
        Assert.Matches(@"<meta property=""og:title"" content=""&lt;script&gt;alert\(&#x27;标题&#x27;\)&lt;/script&gt;路灯修好了"" ?/?>", page);
    }

    [Fact]
    public async Task Link_previews_name_title_description_and_an_absolute_image()
    {
        var id = await ShowcasePageSetup.PublishAsync(_app, _organizer, "楼道亮了", Story, await ShowcasePageSetup.StairLightAsync(_app));
        var origin = _app.Http.BaseAddress!.GetLeftPart(UriPartial.Authority);

        var (_, html) = await GetPageAsync(PagePaths.Showcase("caiyuan", id));
        Assert.Equal("楼道亮了", Meta(html, "property", "og:title"));
        Assert.StartsWith("东七里社区居民反映楼道灯损坏", Meta(html, "property", "og:description"));
        Assert.Equal(Meta(html, "property", "og:description"), Meta(html, "name", "description"));
        Assert.Equal($"{origin}/api/showcases/{id}/photos/0", Meta(html, "property", "og:image"));
        Assert.Equal($"{origin}{PagePaths.Showcase("caiyuan", id)}", Meta(html, "property", "og:url"));
        Assert.Contains("<title>楼道亮了</title>", html);
        var image = await _app.Http.GetAsync(Meta(html, "property", "og:image"));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);

        var (_, list) = await GetPageAsync(PagePaths.Street("caiyuan"));
        Assert.Equal("财源街道组织晒单", Meta(list, "property", "og:title"));
        Assert.Equal($"{origin}/api/showcases/{id}/photos/0", Meta(list, "property", "og:image"));
    }

    [Fact]
    public async Task A_configured_public_address_is_used_for_absolute_urls()
    {
        await using var app = await TestApp.StartAsync(azurite, "--PublicPages:BaseUrl=https://gongjian.example.cn");
        var id = await ShowcasePageSetup.PublishAsync(app, await app.OrganizerAsync(), "楼道亮了", Story, await ShowcasePageSetup.StairLightAsync(app));

        var html = await app.Http.GetStringAsync(PagePaths.Showcase("caiyuan", id));

        Assert.Equal($"https://gongjian.example.cn/api/showcases/{id}/photos/0", Meta(html, "property", "og:image"));
        Assert.DoesNotContain(app.Http.BaseAddress!.Authority, html);
    }

    [Fact]
    public async Task An_unchanged_page_is_answered_304_and_a_new_showcase_changes_the_list()
    {
        var order = await ShowcasePageSetup.StairLightAsync(_app);
        var id = await ShowcasePageSetup.PublishAsync(_app, _organizer, "楼道亮了", Story, order);

        foreach (var path in new[] { PagePaths.Showcase("caiyuan", id), PagePaths.Street("caiyuan") })
        {
            var (first, _) = await GetPageAsync(path);
            var tag = first.Headers.ETag;
            Assert.NotNull(tag);
            var (again, body) = await GetPageAsync(path, tag.ToString());
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Equal("", body);
            Assert.Equal(tag, again.Headers.ETag);
            var (other, _) = await GetPageAsync(path, "\"not-this-one\"");
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        var (before, _) = await GetPageAsync(PagePaths.Street("caiyuan"));
        await ShowcasePageSetup.PublishAsync(_app, _organizer, "一盏灯的温度", Story, order);
        var (after, html) = await GetPageAsync(PagePaths.Street("caiyuan"), before.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("一盏灯的温度", html);
    }

    [Fact]
    public async Task The_street_list_is_newest_first_ten_a_page()
    {
        var order = await ShowcasePageSetup.StairLightAsync(_app);
        var titles = new List<string>();
        for (var i = 1; i <= 11; i++)
        {
            titles.Add($"第{i}篇晒单");
            await ShowcasePageSetup.PublishAsync(_app, _organizer, titles[^1], Story, order);
        }

        var (_, first) = await GetPageAsync(PagePaths.Street("caiyuan"));
        var (_, second) = await GetPageAsync(PagePaths.Street("caiyuan", 2));

        var onFirst = Headings().Matches(first).Select(m => m.Groups[1].Value).ToList();
        var onSecond = Headings().Matches(second).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Enumerable.Reverse(titles).Take(10), onFirst);
        Assert.Equal(["第1篇晒单"], onSecond);
        Assert.Contains("第 1 / 2 页", first);
        Assert.Contains($"href=\"{PagePaths.Street("caiyuan", 2)}\"", first);
        Assert.Contains($"href=\"{PagePaths.Street("caiyuan")}\"", second);
        Assert.Contains("共 11 篇晒单", first);
    }

    [Fact]
    public async Task A_street_without_showcases_says_so()
    {
        var (response, html) = await GetPageAsync(PagePaths.Street("caiyuan"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("财源街道还没有发布晒单", html);
        Assert.DoesNotContain("og:image", html);
    }

    [Theory]
    [InlineData("/api/pages/showcases/nowhere", "没有找到这个街道")]
    [InlineData("/api/pages/showcases/caiyuan?page=2", "没有这一页")]
    [InlineData("/api/pages/showcases/caiyuan?page=0", "没有这一页")]
    [InlineData("/api/pages/showcases/caiyuan?page=abc", "没有这一页")]
    [InlineData("/api/pages/showcases/caiyuan/SC261205-00000000", "没有找到这篇晒单")]
    [InlineData("/api/pages/showcases/caiyuan/not-an-id", "没有找到这篇晒单")]
    [InlineData("/api/pages/showcases/nowhere/SC261205-00000000", "没有找到这篇晒单")]
    public async Task An_unknown_street_page_or_showcase_is_a_chinese_404_page(string path, string heading)
    {
        var (response, html) = await GetPageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{heading}</h1>", html);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html);
        Assert.False(response.Headers.Contains("ETag"));
    }

    [Fact]
    public async Task A_showcase_under_another_streets_address_is_not_found()
    {
        var id = await ShowcasePageSetup.PublishAsync(_app, _organizer, "楼道亮了", Story, await ShowcasePageSetup.StairLightAsync(_app));

        var (response, html) = await GetPageAsync(PagePaths.Showcase("nowhere", id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("楼道亮了", html);
    }

    private static string Meta(string html, string attribute, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<meta {attribute}=\"{Regex.Escape(name)}\" content=\"([^\"]*)\" ?/?>").Groups[1].Value);

    [GeneratedRegex("<img[^>]* src=\"([^\"]+)\"")]
    private static partial Regex ImageSources();

    [GeneratedRegex("<h2>([^<]+)</h2>")]
    private static partial Regex Headings();
}
