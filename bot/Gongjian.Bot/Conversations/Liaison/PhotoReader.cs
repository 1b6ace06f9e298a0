using Gongjian.Bot.Activities;

namespace Gongjian.Bot.Conversations.Liaison;

/// <summary>Photos read from a message, or why they could not be read (in Chinese).</summary>
public sealed record ReadPhotos(IReadOnlyList<byte[]> Photos, string? Problem);

/// <summary>
/// Reads the files a person attached: <c>data:</c> URLs (Direct Line uploads, Web Chat) and, for
/// activities that came through the authenticated Bot Connector, the channel's <c>contentUrl</c>.
/// Only images are taken; they are checked by content later, by the photo store.
/// </summary>
public sealed class PhotoReader(IHttpClientFactory http)
{
    public const string HttpClientName = "bot-attachments";
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The attachments a person sent (cards and Teams' HTML copy of the text are not files).</summary>
    public static IReadOnlyList<Attachment> Files(Activity activity) =>
        [.. (activity.Attachments ?? []).Where(a => a.ContentType is { } t
            && !t.StartsWith("application/vnd.microsoft.", StringComparison.OrdinalIgnoreCase)
            && !t.Equals("text/html", StringComparison.OrdinalIgnoreCase))];

    public async Task<ReadPhotos> ReadAsync(Activity activity, bool mayDownload, CancellationToken ct)
    {
        var photos = new List<byte[]>();
        foreach (var file in Files(activity))
        {
            if (!file.ContentType!.StartsWith("image/", StringComparison.OrdinalIgnoreCase)) return new([], Texts.UnsupportedAttachment);
            var bytes = file.ContentUrl switch
            {
                { } url when url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) => FromDataUrl(url),
                { } url when mayDownload && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" => await DownloadAsync(uri, ct),
                _ => null,
            };
            if (bytes is null) return new([], "这张照片没有收到，请重新上传。");
            if (bytes.Length > MaxBytes) return new([], "照片不能超过 10 MB，请压缩后重新发送。");
            photos.Add(bytes);
        }
        return new(photos, null);
    }

    private static byte[]? FromDataUrl(string url)
    {
        var comma = url.IndexOf(',');
        if (comma < 0 || !url.AsSpan(0, comma).EndsWith(";base64", StringComparison.OrdinalIgnoreCase)) return null;
        var data = url.AsSpan(comma + 1);
        if (data.Length > MaxBytes / 3 * 4 + 8) return new byte[MaxBytes + 1];
        var bytes = new byte[data.Length];
        return Convert.TryFromBase64Chars(data, bytes, out var written) ? bytes[..written] : null;
    }

    private async Task<byte[]?> DownloadAsync(Uri uri, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            using var response = await http.CreateClient(HttpClientName).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode) return null;
            if (response.Content.Headers.ContentLength > MaxBytes) return new byte[MaxBytes + 1];
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBytes) return new byte[MaxBytes + 1];
            }
            return buffer.ToArray();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
