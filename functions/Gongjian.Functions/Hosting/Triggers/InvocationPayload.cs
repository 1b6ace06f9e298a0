using System.Globalization;
using System.Text;
using System.Text.Json;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Hosting.Triggers;

/// <summary>
/// Reads the body the Functions host posts to <c>/{FunctionName}</c>:
/// <c>{"Data":{"msg":…},"Metadata":{…}}</c>. The host serialises string values a second time
/// (<c>"\"text\""</c>, <c>"DequeueCount":"1"</c>), sends byte arrays as base64 and objects as
/// objects, so every value is read tolerantly; a body that is not that shape is refused (400).
/// </summary>
public static class InvocationPayload
{
    public const string QueueBinding = "msg";
    public const string TimerBinding = "timer";
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static FunctionInvocation Parse(JsonElement body, FunctionDeclaration function, string invocationId)
    {
        if (body.ValueKind != JsonValueKind.Object || Property(body, "Data") is not { ValueKind: JsonValueKind.Object } data)
            throw Invalid("The body must be an object with a \"Data\" object.");
        var metadata = Property(body, "Metadata") is { ValueKind: JsonValueKind.Object } m ? m : default;
        if (function.Trigger is not QueueTrigger)
            return new FunctionInvocation { FunctionName = function.Name, InvocationId = invocationId };

        var message = Property(data, QueueBinding) is { } value ? MessageText(value) : null;
        return new FunctionInvocation
        {
            FunctionName = function.Name,
            InvocationId = invocationId,
            Message = message ?? throw Invalid($"Data.{QueueBinding} must hold the queue message."),
            MessageId = Scalar(metadata, "Id"),
            DequeueCount = long.TryParse(Scalar(metadata, "DequeueCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 1,
            InsertedAt = DateTimeOffset.TryParse(Scalar(metadata, "InsertionTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
        };
    }

    /// <summary>
    /// The message text: a string holding a JSON string is unwrapped once (the host's double encoding);
    /// another string is base64 of the message bytes when it decodes to UTF-8 text, else taken as it is;
    /// an object or array is the message's JSON itself.
    /// </summary>
    private static string? MessageText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Unwrapped(value.GetString()!) ?? FromBase64(value.GetString()!) ?? value.GetString(),
        JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    /// <summary>A metadata value as text: <c>"\"abc\""</c>, <c>"abc"</c>, <c>"1"</c> and <c>1</c> all work.</summary>
    private static string? Scalar(JsonElement metadata, string name) =>
        metadata.ValueKind == JsonValueKind.Object && Property(metadata, name) is { } v
            ? v.ValueKind switch
            {
                JsonValueKind.String => Unwrapped(v.GetString()!) ?? v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    private static string? Unwrapped(string text)
    {
        if (text.Length < 2 || text[0] != '"') return null;
        try { return JsonDocument.Parse(text).RootElement is { ValueKind: JsonValueKind.String } s ? s.GetString() : null; }
        catch (JsonException) { return null; }
    }

    private static string? FromBase64(string text)
    {
        if (text.Length == 0 || text.Length % 4 != 0) return null;
        var bytes = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text, bytes, out var length)) return null;
        try { return StrictUtf8.GetString(bytes, 0, length); }
        catch (DecoderFallbackException) { return null; }
    }

    /// <summary>Property names compared case-insensitively, as the host's serializer does not promise a casing.</summary>
    private static JsonElement? Property(JsonElement obj, string name)
    {
        foreach (var p in obj.EnumerateObject())
            if (p.NameEquals(name) || string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return null;
    }

    private static ApiProblem Invalid(string detail) =>
        ApiProblem.BadRequest("invalid_invocation", "函数调用内容格式不正确。", detail: detail);
}
