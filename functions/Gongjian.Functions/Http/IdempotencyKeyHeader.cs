namespace Gongjian.Functions.Http;

/// <summary>
/// The <c>Idempotency-Key</c> request header (draft-ietf-httpapi-idempotency-key-header): 1–64
/// printable ASCII characters, sent bare (<c>Idempotency-Key: 8e03978e-…</c>) or as the draft's
/// structured-field string (<c>Idempotency-Key: "8e03978e-…"</c>); both name the same key. A value
/// that starts or ends with a quote must be a well-formed quoted string, and a bare one has no comma,
/// so no value is ambiguous.
/// </summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const string Replayed = "Idempotent-Replayed";
    public const int MaxLength = 64;

    /// <summary>The key, or null when the request has none; a malformed one is refused with 400.</summary>
    public static string? Read(HttpContext context)
    {
        var values = context.Request.Headers[Name];
        if (values.Count == 0) return null;
        if (values.Count > 1) throw Invalid("请求中只能有一个 Idempotency-Key。");
        var raw = values[0]!.Trim();
        // Proxies and clients join repeated header lines with commas: a bare comma means two keys.
        if (raw.Contains(',') && !raw.StartsWith('"')) throw Invalid("请求中只能有一个 Idempotency-Key；含逗号的键须加引号。");
        var quoted = raw.StartsWith('"') || raw.EndsWith('"');
        var key = !quoted ? raw : raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' ? Unquote(raw[1..^1]) : null;
        if (key is null || key.Length is 0 or > MaxLength || key.Any(c => c is < ' ' or > '~'))
            throw Invalid($"Idempotency-Key 须为 1 至 {MaxLength} 个可打印的 ASCII 字符，例如一个 UUID。");
        return key;
    }

    /// <summary>A structured-field string's content: <c>\"</c> and <c>\\</c> are the only escapes; a bare quote or backslash is malformed.</summary>
    private static string? Unquote(string quoted)
    {
        var key = new System.Text.StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            var c = quoted[i];
            if (c == '"') return null;
            if (c == '\\')
            {
                if (++i == quoted.Length || quoted[i] is not ('"' or '\\')) return null;
                c = quoted[i];
            }
            key.Append(c);
        }
        return key.ToString();
    }

    private static ApiProblem Invalid(string detail) =>
        ApiProblem.BadRequest("invalid_idempotency_key", "Idempotency-Key 请求头无效。", Name, detail);
}
