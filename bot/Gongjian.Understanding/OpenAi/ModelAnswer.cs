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
        };
    }

    /// <summary>A trimmed string, or null for JSON null, a missing property or a blank string.</summary>
    private static string? StringOrNull(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null && v.GetString() is { } s && !string.IsNullOrWhiteSpace(s)
            ? s.Trim()
            : null;

    private static string DigitsOf(string s) => string.Concat(s.Where(char.IsAsciiDigit));
}
