namespace Gongjian.Bench;

/// <summary>
/// Names a storage request by service, operation and resource (the phase's name prefix removed),
/// e.g. <c>table batch orders</c>, <c>queue receive notifications</c>, <c>blob put photos</c>.
/// </summary>
public static class StorageRequestKind
{
    public static string Of(string service, string method, string target, string prefix)
    {
        var query = target.IndexOf('?');
        var path = Uri.UnescapeDataString(query < 0 ? target : target[..query]);
        var queryText = query < 0 ? "" : target[query..];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray(); // drop the account
        var resource = segments.Length > 0 ? Strip(segments[0], prefix) : "";
        var op = service switch
        {
            "table" => Table(method, segments, ref resource),
            "queue" => Queue(method, segments, queryText),
            "blob" => Blob(method, segments, queryText),
            _ => method,
        };
        return $"{service} {op} {resource}".TrimEnd();
    }

    /// <summary>
    /// A table batch named by its table (<c>table batch orders</c>): the path of the first request inside its multipart body
    /// (every request of a batch is on one table's partition); <c>table batch</c> if the body shows none.
    /// </summary>
    public static string OfBatch(byte[] bodyStart, string prefix)
    {
        var text = System.Text.Encoding.UTF8.GetString(bodyStart);
        var m = System.Text.RegularExpressions.Regex.Match(text, @"(?m)^(?:POST|PUT|MERGE|PATCH|DELETE|GET) https?://[^/\s]+(/[^\s?]*)");
        if (!m.Success) return "table batch";
        var segments = Uri.UnescapeDataString(m.Groups[1].Value).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2) return "table batch";
        var table = Strip(segments[1], prefix);
        var paren = table.IndexOf('(');
        return $"table batch {(paren >= 0 ? table[..paren] : table)}";
    }

    private static string Table(string method, string[] s, ref string resource)
    {
        if (s.Length == 0) return method;
        if (s[0] == "$batch") { resource = ""; return "batch"; }
        if (s[0].StartsWith("Tables", StringComparison.Ordinal)) { resource = ""; return method == "POST" ? "create-table" : $"tables {method}"; }
        var paren = resource.IndexOf('(');
        var key = paren >= 0 ? resource[(paren + 1)..].TrimEnd(')') : "";
        if (paren >= 0) resource = resource[..paren];
        var point = key.Contains("RowKey", StringComparison.Ordinal);
        return (method, point) switch
        {
            ("GET", true) => "point-read",
            ("GET", false) => "query",
            ("POST", _) => "insert",
            ("DELETE", _) => "delete",
            (_, _) => "update", // PUT / MERGE / PATCH
        };
    }

    private static string Queue(string method, string[] s, string queryText) => (method, s.Length) switch
    {
        ("POST", 2) => "send",
        ("GET", 2) => queryText.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) ? "peek" : "receive",
        ("DELETE", 2) => "clear",
        ("DELETE", 3) => "delete",
        ("PUT", 3) => "update",
        ("GET", 1) => "properties",
        ("PUT", 1) => "create",
        _ => method,
    };

    private static string Blob(string method, string[] s, string queryText) =>
        queryText.Contains("comp=lease", StringComparison.OrdinalIgnoreCase) ? "lease"
        : queryText.Contains("comp=metadata", StringComparison.OrdinalIgnoreCase) ? "metadata"
        : s.Length <= 1 ? $"container {method}"
        : method switch { "PUT" => "put", "GET" => "get", "HEAD" => "properties", _ => method };

    private static string Strip(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? name[prefix.Length..] : name;
}
