using System.Globalization;

namespace Gongjian.Domain.Privacy;

/// <summary>Hides house numbers and names, keeping enough to read where help went.</summary>
public static class AddressMask
{
    private const int KeepMax = 6;

    /// <summary>
    /// Keeps the words before the first digit (the estate or road), at most six characters:
    /// "三联小区3号楼2单元301" → "三联小区****". Numbers are what identify a household.
    /// </summary>
    public static string Mask(string address)
    {
        var trimmed = address.Trim();
        var firstDigit = trimmed.AsSpan().IndexOfAny("0123456789０１２３４５６７８９");
        var words = firstDigit < 0 ? trimmed[..(trimmed.Length / 2)] : trimmed[..firstDigit];
        return TextElements(words, KeepMax) + "****";
    }

    public static string MaskName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length == 0 ? "" : TextElements(trimmed, 1) + "**";
    }

    // Whole characters only: rare characters in names (生僻字) take two UTF-16 units.
    private static string TextElements(string text, int count)
    {
        var e = StringInfo.GetTextElementEnumerator(text);
        var length = 0;
        for (var i = 0; i < count && e.MoveNext(); i++) length = e.ElementIndex + ((string)e.Current).Length;
        return text[..length];
    }
}
