using System.Text;

namespace Gongjian.Functions.Http;

/// <summary>
/// Page tokens of the staff lists (orders, wishes, the inbox): the table's continuation token bound to the list partition it
/// belongs to, so a token from another list (or a made-up one) is refused with <c>400 invalid_page_token</c>.
/// </summary>
public static class ListPageTokens
{
    public static string? Encode(string? token, string partition) =>
        token is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{partition}\n{token}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string? Decode(string? token, string partition)
    {
        if (token is null) return null;
        var s = token.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(s)); }
        catch (FormatException) { throw Invalid(); }
        var parts = decoded.Split('\n', 2);
        return parts.Length == 2 && parts[0] == partition && parts[1].Length > 0 ? parts[1] : throw Invalid();
    }

    public static ApiProblem Invalid() => ApiProblem.BadRequest("invalid_page_token", "分页标记无效，请从第一页重新查询。", "pageToken");
}
