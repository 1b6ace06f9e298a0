using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Gongjian.Http;

/// <summary>
/// The one reader of JSON request bodies, for the API and the bot alike: the content type must be
/// JSON in UTF-8 (415), the body must fit the route's limit (413), and the text must pass
/// <see cref="StrictJsonScan"/> (400) before any deserializer sees it. Deserializers then work on
/// bytes known to be well-formed, so nothing they meet later can surprise them.
/// </summary>
public static class StrictJson
{
    /// <summary>The body, checked. Empty is refused unless <paramref name="optional"/>, then it is empty.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContext context, JsonLimits limits, bool optional = false)
    {
        var request = context.Request;
        if (request.ContentLength == 0 || request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding"))
            return optional ? ReadOnlyMemory<byte>.Empty : throw BodyRequired();
        CheckContentType(request.ContentType);
        if (request.ContentLength > limits.MaxBytes) throw TooLarge(limits);

        var body = await ReadAllAsync(request.Body, limits, context.RequestAborted);
        if (body.Length == 0) return optional ? ReadOnlyMemory<byte>.Empty : throw BodyRequired();
        StrictJsonScan.Check(body.Span, limits.MaxDepth);
        return body;
    }

    /// <summary>JSON that came some other way (a multipart part, a form field): the same checks as a body.</summary>
    public static ReadOnlyMemory<byte> Check(ReadOnlyMemory<byte> json, JsonLimits limits)
    {
        if (json.Length > limits.MaxBytes) throw TooLarge(limits);
        if (json.Length == 0) throw BodyRequired();
        StrictJsonScan.Check(json.Span, limits.MaxDepth);
        return json;
    }

    public static void CheckContentType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type)
            || !(type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
            || type.Charset is { Length: > 0 } charset && !IsUtf8(charset.Value!))
            throw new HttpProblem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "请求内容必须是 UTF-8 编码的 JSON（Content-Type: application/json）。");
    }

    private static bool IsUtf8(string charset) =>
        charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Trim('"').Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static async Task<ReadOnlyMemory<byte>> ReadAllAsync(Stream body, JsonLimits limits, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await body.ReadAsync(memory, ct);
            if (read == 0) break;
            buffer.Advance(read);
            if (buffer.WrittenCount > limits.MaxBytes) throw TooLarge(limits);
        }
        var written = buffer.WrittenMemory;
        // A UTF-8 byte order mark is allowed before JSON text (RFC 8259 §8.1 lets a parser ignore it).
        return written.Span.StartsWith("\uFEFF"u8) ? written[3..] : written;
    }

    private static HttpProblem BodyRequired() => HttpProblem.Invalid("body_required", "请求内容不能为空。");

    private static HttpProblem TooLarge(JsonLimits limits) =>
        new(StatusCodes.Status413PayloadTooLarge, "request_too_large", $"请求内容过大（最多 {Math.Max(1, limits.MaxBytes / 1024)} KB）。");
}
