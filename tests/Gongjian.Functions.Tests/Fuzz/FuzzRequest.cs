using System.Text;

namespace Gongjian.Functions.Tests.Fuzz;

/// <summary>One malformed request: what is sent, and which generator made it (for the report).</summary>
public sealed record FuzzRequest(string Generator, string Method, string Path, byte[]? Body, string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>Bodies so large that the server may close the connection before the client finishes sending.</summary>
    public bool Huge => Body?.Length > 1024 * 1024;

    public string Describe()
    {
        var body = Body is null ? "(no body)" : Excerpt(Body);
        var headers = string.Join("; ", Headers.Select(h => $"{h.Key}: {Cut(h.Value, 60)}"));
        return $"[{Generator}] {Method} {Cut(Path, 160)} CT={ContentType ?? "-"} {headers} body({Body?.Length ?? 0}B)={body}";
    }

    private static string Excerpt(byte[] body)
    {
        var text = new StringBuilder();
        foreach (var b in body.Take(160)) text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        return text.ToString() + (body.Length > 160 ? "…" : "");
    }

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..n] + $"…({s.Length})";
}
