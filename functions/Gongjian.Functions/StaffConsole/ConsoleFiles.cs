using System.Security.Cryptography;
using Gongjian.Functions.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Gongjian.Functions.StaffConsole;

/// <summary>
/// Serves the staff console, the static build of <c>web/</c> (copied to <c>console/</c> beside the app),
/// at <c>/console/</c> standalone and at <c>/api/console/</c> under the Functions host. Hashed assets
/// are cached for a year; every other path is the single page (no-cache), with its base and a fresh
/// CSP nonce written in, so a reload of <c>/console/orders/GJ…</c> opens that order.
/// </summary>
public static class ConsoleFiles
{
    public const string StandalonePrefix = "/console";
    private const string AssetsFolder = "assets/";
    private static readonly FileExtensionContentTypeProvider Types = new();
    private static readonly Lazy<PhysicalFileProvider?> Files = new(() =>
        Directory.Exists(Root) ? new PhysicalFileProvider(Root) : null);
    private static readonly Lazy<string?> Page = new(() =>
        File.Exists(Path.Combine(Root, "index.html")) ? File.ReadAllText(Path.Combine(Root, "index.html")) : null);

    public static string Root => Path.Combine(AppContext.BaseDirectory, "console");

    /// <summary>
    /// Only the page's own script and styles run; Ant Design's run-time styles carry the nonce; the API is
    /// the only place it talks to; photos come from the API or, when chosen for upload, from blob: previews.
    /// </summary>
    public static string Policy(string nonce) =>
        "default-src 'none'; script-src 'self'; " +
        $"style-src-elem 'self' 'nonce-{nonce}'; style-src-attr 'unsafe-inline'; " +
        "img-src 'self' blob: data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; " +
        "base-uri 'self'; form-action 'none'; frame-ancestors 'none'";

    public static async Task<IResult> Serve(HttpContext context, string? path)
    {
        var prefix = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? "/api" + StandalonePrefix : StandalonePrefix;
        // /console without the slash: the page's relative asset addresses need the folder form.
        if (!context.Request.Path.Value!.EndsWith('/') && string.IsNullOrEmpty(path))
            return Results.Redirect(prefix + "/");
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";

        if (path is { Length: > 0 } && path.StartsWith(AssetsFolder, StringComparison.Ordinal))
            return await AssetAsync(context, path);
        if (path is { Length: > 0 } && Path.HasExtension(path) && !path.EndsWith(".html", StringComparison.Ordinal))
            throw ApiProblem.NotFound("console_file_not_found", "请求的文件不存在。");

        var html = Page.Value ?? throw new ApiProblem(StatusCodes.Status503ServiceUnavailable, "console_missing",
            "工作台尚未构建：请运行 scripts/setup 后重新构建。");
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = Policy(nonce);
        headers.XFrameOptions = "DENY";
        return Results.Content(html.Replace("<base href=\"/console/\" />", $"<base href=\"{prefix}/\" />").Replace("__CSP_NONCE__", nonce),
            "text/html; charset=utf-8");
    }

    private static Task<IResult> AssetAsync(HttpContext context, string path)
    {
        var file = Files.Value?.GetFileInfo(path);
        if (file is not { Exists: true, IsDirectory: false, PhysicalPath: not null } || !Types.TryGetContentType(path, out var type))
            throw ApiProblem.NotFound("console_file_not_found", "请求的文件不存在。");
        if (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal)) type += "; charset=utf-8";
        // File names carry a content hash: a new build has new names, so a year-long cache is safe.
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        var physical = file.PhysicalPath;
        var accepts = context.Request.Headers.AcceptEncoding.ToString();
        foreach (var (encoding, extension) in new[] { ("br", ".br"), ("gzip", ".gz") })
        {
            if (accepts.Contains(encoding, StringComparison.OrdinalIgnoreCase) && File.Exists(physical + extension))
            {
                context.Response.Headers.ContentEncoding = encoding;
                physical += extension;
                break;
            }
        }
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        return Task.FromResult(Results.File(physical, type, lastModified: file.LastModified, enableRangeProcessing: false));
    }

    /// <summary>The console at /console/ when the app runs on its own (under the Functions host: /api/console/, a declared function).</summary>
    public static void MapConsoleStandalonePaths(this IEndpointRouteBuilder app) =>
        app.MapGet(StandalonePrefix + "/{**path}", Serve).ExcludeFromDescription();
}
