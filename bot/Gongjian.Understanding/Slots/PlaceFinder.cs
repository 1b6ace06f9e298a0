using System.Text;
using System.Text.RegularExpressions;

namespace Gongjian.Understanding.Slots;

/// <summary>
/// Reads where the problem is, as written: estate (X小区), building (N号楼), unit (N单元), floor
/// (N楼/N层), room (N室, or bare digits right after the others) and spots (楼道, 门口, 楼下…).
/// Adjacent pieces form one place; the longest run wins ("宝盛小区3号楼2单元301").
/// Phones must be blanked out of the text first, or their digits would read as rooms.
/// </summary>
internal static partial class PlaceFinder
{
    private const string Num = @"(?:\d{1,3}|[一二三四五六七八九十两]{1,3})";

    [GeneratedRegex(
        @"(?<estate>[\u4e00-\u9fff]{1,8}(?:小区|花园|家园|新村|宿舍|公寓|大院))" +
        @"|(?<address>\d{1,3}-\d{1,2}-\d{3,4})" +
        $@"|(?<building>{Num}\s*(?:号楼|号院|栋|幢))" +
        $@"|(?<unit>{Num}\s*单元)" +
        $@"|(?<floor>第?{Num}\s*[楼层]|顶楼|顶层)" +
        @"|(?<room>\d{3,4}\s*(?:室|房间)?)" +
        @"|(?<spot>单元门口|大门口|门口|楼道口|楼道|楼梯间|楼梯|楼下|楼上|楼顶|车棚|车库|地下室|院里|电梯里)")]
    private static partial Regex Piece();

    private readonly record struct Token(int Start, int End, bool Specific, bool NeedsNeighbour);

    public static string? Find(string text, IReadOnlyCollection<string> communityNames)
    {
        var tokens = new List<Token>();
        foreach (Match m in Piece().Matches(text))
        {
            if (m.Groups["estate"].Success)
            {
                var nameStart = EstateNameStart(m.Value, m.Length - 2, communityNames);
                // "我们小区" names no estate: keep it only to join a neighbouring piece ("小区门口").
                var generic = nameStart >= m.Length - 2;
                tokens.Add(new Token(m.Index + nameStart, m.Index + m.Length, !generic, false));
            }
            else tokens.Add(new Token(m.Index, m.Index + m.Length, true, m.Groups["room"].Success && !m.Value.Contains('室')));
        }
        return BestRun(text, tokens);
    }

    private static readonly string[] NotInNames =
        ["社区", "街道", "我们", "俺们", "咱们", "我家", "俺家", "住在", "在", "是", "的", "了", "到", "我", "俺", "咱", "那个", "这个"];

    /// <summary>The regex grabs up to 8 Han characters before 小区; cut after the last word that cannot be part of a name.</summary>
    private static int EstateNameStart(string match, int suffixAt, IReadOnlyCollection<string> communityNames)
    {
        var start = 0;
        foreach (var stop in NotInNames)
        {
            var at = match.LastIndexOf(stop, suffixAt - 1, StringComparison.Ordinal);
            if (at >= 0) start = Math.Max(start, at + stop.Length);
        }
        foreach (var name in communityNames)
        {
            // A community alias that is the whole estate name ("宝盛" in "宝盛小区") is the estate, not a prefix.
            var at = match.LastIndexOf(name, suffixAt - 1, StringComparison.Ordinal);
            if (at >= 0 && at + name.Length < suffixAt) start = Math.Max(start, at + name.Length);
        }
        return Math.Max(start, suffixAt - 6);
    }

    private static string? BestRun(string text, List<Token> tokens)
    {
        string? best = null;
        var bestCount = 0;
        var i = 0;
        while (i < tokens.Count)
        {
            var j = i;
            while (j + 1 < tokens.Count && Joined(text, tokens[j], tokens[j + 1])) j++;
            var run = tokens.GetRange(i, j - i + 1);
            // A lone bare number is not a room, and a lone "小区" is not a place.
            while (run.Count > 0 && run[0].NeedsNeighbour) run.RemoveAt(0);
            if (run.Any(t => t.Specific) && run.Count > bestCount)
                (best, bestCount) = (Compact(text[run[0].Start..run[^1].End]), run.Count);
            i = j + 1;
        }
        return best;
    }

    private static bool Joined(string text, Token left, Token right)
    {
        var gap = text.AsSpan(left.End, Math.Max(0, right.Start - left.End)).Trim(' ');
        return right.Start >= left.End && (gap.IsEmpty || gap is "的" or "-");
    }

    private static string Compact(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) if (c != ' ') sb.Append(c);
        return sb.ToString();
    }
}
