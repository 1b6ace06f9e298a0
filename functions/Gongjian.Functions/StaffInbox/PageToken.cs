using System.Text;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.StaffInbox;

/// <summary>The inbox's page token: the table's continuation, bound to the inbox it was read from (another inbox's token is refused).</summary>
public static class PageToken
{
    public static string Encode(string token, string inbox) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{inbox}\n{token}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Decode(string token, string inbox)
    {
        var s = token.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(s)); }
        catch (FormatException) { throw Invalid(); }
        var parts = decoded.Split('\n', 2);
        return parts.Length == 2 && parts[0] == inbox && parts[1].Length > 0 ? parts[1] : throw Invalid();
    }

    public static ApiProblem Invalid() => ApiProblem.BadRequest("invalid_page_token", "分页标记无效，请从第一页重新查询。", "pageToken");
}
