using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Gongjian.Functions.Showcases.Pages;

/// <summary>
/// A rendered public page with the headers every one of them carries: a policy that allows no script
/// and only the page's own stylesheet and same-origin images, nosniff, caching by ETag (a matching
/// <c>If-None-Match</c> is answered 304 without a body).
/// </summary>
public sealed class HtmlPageResult(string html, int status, string cacheControl) : IResult
{
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; img-src 'self'; style-src {PageStyle.CspSource}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public int StatusCode => status;

    public async Task ExecuteAsync(HttpContext context)
    {
        var body = Encoding.UTF8.GetBytes(html);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.CacheControl = cacheControl;
        if (status == StatusCodes.Status200OK)
        {
            // The hash of what is sent: any change of data or template is a new tag, with nothing to keep in step.
            var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body), 0, 16)}\"");
            headers.ETag = tag.ToString();
            if (context.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } wanted
                && wanted.Any(w => w.Equals(EntityTagHeaderValue.Any) || w.Compare(tag, useStrongComparison: false)))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
