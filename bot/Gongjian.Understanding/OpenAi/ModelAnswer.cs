using System.Text.Json;
using Gongjian.Domain.Community;
using Gongjian.Domain.Privacy;
using Gongjian.Understanding.Slots;

namespace Gongjian.Understanding.OpenAi;

/// <summary>
/// Turns the model's JSON into fields, or says why it cannot be trusted. Any bad field rejects the
/// whole answer: a model that invents a category or a phone number has probably misread the rest.
/// </summary>
internal static class ModelAnswer
{
    public const string SourceName = "openai";
    private const int MaxPlaceLength = 40;
    private const int MaxNameLength = 10;

    public static WishFields? Read(string? json, string text, IReadOnlyList<KnownCommunity> communities, double minConfidence, out string reason)
    {
        reason = "";
        if (string.IsNullOrWhiteSpace(json)) { reason = "empty answer"; return null; }
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Validate(doc.RootElement, text, communities, minConfidence, out reason);
        }
        catch (JsonException) { reason = "invalid json"; return null; }
        catch (InvalidOperationException) { reason = "invalid json"; return null; } // a field of the wrong JSON type
    }

    private static WishFields? Validate(JsonElement root, string text, IReadOnlyList<KnownCommunity> communities, double minConfidence, out string reason)
    {
        reason = "";
        if (root.ValueKind != JsonValueKind.Object) { reason = "invalid json"; return null; }

        var category = StringOrNull(root, "category");
        if (category is not null && !ServiceCategory.IsKnown(category)) { reason = "invalid category"; return null; }

        var confidence = root.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : -1;
        if (confidence is < 0 or > 1) { reason = "invalid confidence"; return null; }

        var communityId = StringOrNull(root, "communityId");
        if (communityId is not null && !communities.Any(k => k.Id == communityId)) { reason = "invalid communityId"; return null; }

        string? phone = null;
        if (StringOrNull(root, "phone") is { } rawPhone)
        {
            // The number must be one the resident typed, not one the model made up or completed.
            if (!PhoneNumber.TryNormalize(rawPhone, out var normalized) || !DigitsOf(text).Contains(normalized, StringComparison.Ordinal))
            { reason = "invalid phone"; return null; }
            phone = normalized;
        }

        var place = StringOrNull(root, "place");
        var contactName = StringOrNull(root, "contactName");
        if (place?.Length > MaxPlaceLength || contactName?.Length > MaxNameLength) { reason = "invalid place or name"; return null; }

        var summary = StringOrNull(root, "summary");
        if (summary?.Length > SummaryWriter.MaxLength || (phone is not null && DigitsOf(summary ?? "").Contains(phone, StringComparison.Ordinal)))
        { reason = "invalid summary"; return null; }

        if (!root.TryGetProperty("urgent", out var urgent) || urgent.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        { reason = "invalid urgent"; return null; }

        if (!TryReadProblems(root, text, out var problems)) { reason = "invalid problems"; return null; }

        var sure = category is not null && confidence >= minConfidence;
        return new WishFields
        {
            Category = sure ? category : null,
            CategoryConfidence = category is null ? 0 : Math.Round(confidence, 3),
            CommunityId = communityId,
            Place = place,
            Phone = phone,
            ContactName = contactName,
            Urgency = urgent.GetBoolean() ? Urgency.Urgent : Urgency.Normal,
            Summary = summary,
            Source = SourceName,
            Problems = problems,
        };
    }

    /// <summary>
    /// The problems the model listed, when there are two or more of different known categories, each with a short summary
    /// and its own words taken from the message (no phone in either). A missing list is none; a bad item rejects the answer.
    /// </summary>
    private static bool TryReadProblems(JsonElement root, string text, out IReadOnlyList<WishProblem> problems)
    {
        problems = [];
        if (!root.TryGetProperty("problems", out var list) || list.ValueKind == JsonValueKind.Null) return true;
        if (list.ValueKind != JsonValueKind.Array) return false;
        var read = new List<WishProblem>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) return false;
            var category = StringOrNull(item, "category");
            var summary = StringOrNull(item, "summary");
            var own = StringOrNull(item, "text");
            if (category is null || !ServiceCategory.IsKnown(category) || summary is null || own is null) return false;
            if (summary.Length > SummaryWriter.MaxLength || own.Length > text.Length) return false;
            if (LooksLikePhone(summary) || LooksLikePhone(own)) return false; // a button's words, shown back: never a number
            if (!item.TryGetProperty("urgent", out var urgent) || urgent.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return false;
            if (read.Any(p => p.Category == category)) continue; // two of one kind are one order
            read.Add(new WishProblem(category, summary, urgent.GetBoolean() ? Urgency.Urgent : Urgency.Normal, own));
        }
        if (read.Count >= 2) problems = read;
        return true;
    }

    /// <summary>A trimmed string, or null for JSON null, a missing property or a blank string.</summary>
    private static string? StringOrNull(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null && v.GetString() is { } s && !string.IsNullOrWhiteSpace(s)
            ? s.Trim()
            : null;

    /// <summary>Seven digits or more in a row (spaces and dashes aside): a phone, not a building or a room.</summary>
    private static bool LooksLikePhone(string s)
    {
        var run = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c)) { if (++run >= 7) return true; }
            else if (c is not (' ' or '-')) run = 0;
        }
        return false;
    }

    private static string DigitsOf(string s) => string.Concat(s.Where(char.IsAsciiDigit));
}
