using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gongjian.Functions.Hosting;
using Gongjian.Http;

namespace Gongjian.Functions.Http;

/// <summary>
/// Reads a request body strictly: through <see cref="StrictJson"/> (JSON content type, size and depth
/// limits, UTF-8, no duplicate names, no lone surrogates, no control characters), then with the
/// source-generated type: no unknown fields, every required field present and of the right type.
/// Each failure names the field and has its own code.
/// </summary>
public static class JsonBody
{
    /// <summary>Bodies that carry base64 photos may be as large as the server takes at all.</summary>
    public static readonly JsonLimits WithPhotos = JsonLimits.Api with { MaxBytes = AppBuilder.MaxRequestBytes };

    public static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type, JsonLimits? limits = null) where T : class
    {
        var body = await StrictJson.ReadAsync(context, limits ?? JsonLimits.Api);
        try
        {
            return JsonSerializer.Deserialize(body.Span, type) ?? throw ApiProblem.BadRequest("body_required", "请求内容不能为空。");
        }
        catch (JsonException e)
        {
            throw Describe(e);
        }
    }

    private static ApiProblem Describe(JsonException e)
    {
        var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
        var message = e.Message;
        if (e.InnerException?.GetType().Name == "JsonReaderException" || field is null && !message.Contains("required", StringComparison.Ordinal))
            return ApiProblem.BadRequest("invalid_json", "请求内容不是有效的 JSON。", null,
                $"第 {e.LineNumber + 1} 行第 {e.BytePositionInLine + 1} 个字符附近有误。");
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var missing = field is null ? MissingNames(message) : string.Join(", ", MissingNames(message).Split(", ").Select(n => $"{field}.{n}"));
            return ApiProblem.BadRequest("missing_field", $"缺少必填字段：{missing}。", missing);
        }
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var unknown = field ?? UnknownName(message);
            return ApiProblem.BadRequest("unknown_field", $"不认识的字段：{unknown}。", unknown);
        }
        return ApiProblem.BadRequest("invalid_field_type", $"字段 {field} 的类型或取值不正确。", field);
    }

    // System.Text.Json words these as: "... was missing required properties including: 'text', 'address'."
    private static string MissingNames(string message)
    {
        var start = message.IndexOf("including:", StringComparison.Ordinal);
        return start < 0 ? "?" : message[(start + 10)..].Trim().TrimEnd('.').Replace("'", "", StringComparison.Ordinal);
    }

    // "The JSON property 'foo' could not be mapped to any .NET member contained in type ..."
    private static string? UnknownName(string message)
    {
        var first = message.IndexOf('\'');
        var second = first < 0 ? -1 : message.IndexOf('\'', first + 1);
        return second > first ? message[(first + 1)..second] : null;
    }
}
