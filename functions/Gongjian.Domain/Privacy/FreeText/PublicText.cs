using System.Text.RegularExpressions;

namespace Gongjian.Domain.Privacy.FreeText;

/// <summary>
/// Text for a page anyone can open. Staff see masked forms (139****1122, 欧**, 3号楼****), which still narrow a person
/// down within an estate; a public page drops them: each becomes "（略）".
/// </summary>
public static partial class PublicText
{
    public const string Dropped = "（略）";

    public static string WithoutMasked(string text) =>
        string.IsNullOrEmpty(text) ? text : MaskedName().Replace(MaskedNumber().Replace(text, Dropped), Dropped);

    /// <summary>A masked phone, ID or house number: digits around four or more asterisks, or the asterisks alone.</summary>
    [GeneratedRegex(@"\d*\*{4,}[\dXx]*")]
    private static partial Regex MaskedNumber();

    /// <summary>A masked name: a surname and one to three asterisks (王*, 欧**).</summary>
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}\*{1,3}(?!\*)")]
    private static partial Regex MaskedName();
}
