using System.Text;

namespace Gongjian.Domain.Privacy.FreeText;

/// <summary>
/// The one place that finds personal data in free text (request texts, reasons, notes, showcase
/// stories): phones and ID-card numbers in any notation, building/unit/room numbers, and the order's
/// own contact name and address. <see cref="Redact"/> masks them the way contact fields are masked
/// (138****1234, 370902********1234, 宝盛小区3号楼****, 李**); <see cref="Find"/> lets a guard refuse instead.
/// </summary>
public static class FreeTextRedactor
{
    /// <summary>Non-overlapping findings, in text order; where two overlap, the one starting first (then the longer) wins.</summary>
    public static IReadOnlyList<PersonalDataFinding> Find(string text, KnownPersonalData? known = null)
    {
        if (string.IsNullOrEmpty(text)) return [];
        known ??= KnownPersonalData.None;
        var knownPhone = PhoneNumber.TryNormalize(known.Phone, out var normalized) ? normalized : null;
        var all = KnownValueFinder.Find(text, known)
            .Concat(HouseNumberFinder.Find(text))
            .Concat(PhoneAndIdFinder.Find(text, knownPhone))
            .Where(f => f.Length > 0)
            .OrderBy(f => f.Start).ThenByDescending(f => f.Length);
        var kept = new List<PersonalDataFinding>();
        foreach (var f in all)
            if (kept.Count == 0 || f.Start >= kept[^1].End) kept.Add(f);
        return kept;
    }

    public static string Redact(string text, KnownPersonalData? known = null)
    {
        var findings = Find(text, known);
        if (findings.Count == 0) return text;
        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var f in findings)
        {
            result.Append(text, at, f.Start - at).Append(f.Replacement);
            at = f.End;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Null stays null: optional reasons and comments.</summary>
    public static string? RedactOptional(string? text, KnownPersonalData? known = null) => text is null ? null : Redact(text, known);
}
