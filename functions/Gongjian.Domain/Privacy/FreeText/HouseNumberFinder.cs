using System.Text.RegularExpressions;

namespace Gongjian.Domain.Privacy.FreeText;

/// <summary>
/// Building, unit and room numbers that point at one household: 3号楼2单元301, 3栋2-301, 12幢3单元,
/// 2单元502室, 301室, 3-2-301, in ASCII, full-width or Chinese digits. A building alone names many
/// households and stays ("3号楼的路灯修好了"); so does an estate name. What is masked is everything
/// after the building: "宝盛小区3号楼2单元301" → "宝盛小区3号楼****".
/// </summary>
public static partial class HouseNumberFinder
{
    private const string Mask = "****";

    // N: a building or unit number (十 allowed: 十二号楼); D: a room number read digit by digit.
    // A bare room ("3号楼301") must not run into a word that makes the digits a year, amount or count.
    private const string N = "[0-9０-９零〇一二三四五六七八九十]";
    private const string D = "[0-9０-９零〇一二三四五六七八九]";
    private const string Room = D + "{3,4}(?:室|房|号(?![楼院])|(?![" + "0-9０-９零〇一二三四五六七八九十" + "年月日号元块个人户次米平方天层楼多余万千百%％.．:：]))";
    private const string Sep = @"[\s,，、\-－—]?";

    [GeneratedRegex(
        "(?<building>(?<!" + N + ")[A-Za-zＡ-Ｚ]?" + N + "{1,4}(?:号楼|号院|栋楼?|幢|座|＃楼?|#楼?|号))" + Sep +
        "(?:" + N + "{1,3}单元(?:" + Sep + Room + ")?" + "|" + N + "{1,3}[\\-－—]" + Room + "|" + Room + ")")]
    private static partial Regex BuildingThenUnitOrRoom();

    [GeneratedRegex("(?<!" + N + ")" + N + "{1,3}单元" + Sep + Room)]
    private static partial Regex UnitThenRoom();

    [GeneratedRegex("(?<![0-9０-９零〇一二三四五六七八九十\\-－])" + D + "{3,4}(?:室|房间|房)")]
    private static partial Regex RoomWithSuffix();

    [GeneratedRegex("(?<![0-9０-９\\-－])[0-9０-９]{1,3}[\\-－][0-9０-９]{1,2}[\\-－][0-9０-９]{3,4}(?![0-9０-９\\-－])")]
    private static partial Regex DashedTriple();

    /// <summary>The text with its house numbers masked (for a known address's number part).</summary>
    public static string MaskAll(string text)
    {
        var at = 0;
        var result = new System.Text.StringBuilder();
        foreach (var f in Find(text).OrderBy(f => f.Start).ThenByDescending(f => f.Length))
        {
            if (f.Start < at) continue;
            result.Append(text, at, f.Start - at).Append(f.Replacement);
            at = f.End;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    public static IEnumerable<PersonalDataFinding> Find(string text)
    {
        foreach (Match m in BuildingThenUnitOrRoom().Matches(text))
        {
            var keep = m.Groups["building"].Length;
            yield return new PersonalDataFinding(PersonalDataKind.HouseNumber, m.Index + keep, m.Length - keep, Mask);
        }
        foreach (var pattern in new[] { UnitThenRoom(), RoomWithSuffix(), DashedTriple() })
            foreach (Match m in pattern.Matches(text))
                yield return new PersonalDataFinding(PersonalDataKind.HouseNumber, m.Index, m.Length, Mask);
    }
}
