namespace Gongjian.Functions.Showcases.Pages;

/// <summary>
/// Settings of the public pages (section <c>PublicPages</c>), e.g. <c>PublicPages__BaseUrl=https://gongjian.example.cn</c>.
/// </summary>
public sealed class PublicPageOptions
{
    public const string Section = "PublicPages";

    /// <summary>
    /// Where the public reaches the app (scheme and host, no path). Link previews need absolute URLs, and
    /// behind the Functions host or Front Door the request's own scheme and host are the internal ones
    /// (and a Host header is the caller's to write). Empty: the request's scheme and host, fine locally.
    /// </summary>
    public string BaseUrl { get; set; } = "";

    public IEnumerable<string> Problems()
    {
        if (BaseUrl.Length > 0 && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri)
            && uri.Scheme is "https" or "http" && uri.AbsolutePath == "/" && uri.Query.Length == 0))
            yield return $"{Section}:BaseUrl must be an absolute http(s) URL without a path, e.g. https://gongjian.example.cn";
    }

    /// <summary>The absolute base (no trailing slash) for links in a page answering <paramref name="request"/>.</summary>
    public string BaseFor(HttpRequest request) =>
        BaseUrl.Length > 0 ? BaseUrl.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
