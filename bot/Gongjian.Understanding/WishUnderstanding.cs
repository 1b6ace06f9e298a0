namespace Gongjian.Understanding;

/// <summary>How urgent a wish sounds: 紧急 (danger, water, electricity, a person at risk) or not.</summary>
public enum Urgency { Normal, Urgent }

/// <summary>
/// What could be read from one resident message. Every field is optional: the conversation asks
/// only for what is missing. <see cref="Phone"/> is normalized (PhoneNumber.TryNormalize).
/// </summary>
public sealed record WishFields
{
    public bool Equals(WishFields? other) =>
        other is not null && Category == other.Category && CategoryConfidence.Equals(other.CategoryConfidence) && CommunityId == other.CommunityId
        && Place == other.Place && Phone == other.Phone && ContactName == other.ContactName && Urgency == other.Urgency
        && Summary == other.Summary && Source == other.Source && FallbackReason == other.FallbackReason && Problems.SequenceEqual(other.Problems);

    public override int GetHashCode() => HashCode.Combine(Category, CommunityId, Place, Phone, Summary, Source, Problems.Count);

    /// <summary>A service-category code (ServiceCategory.All), or null when unsure.</summary>
    public string? Category { get; init; }
    public double CategoryConfidence { get; init; }
    /// <summary>A community id from the directory passed in, or null.</summary>
    public string? CommunityId { get; init; }
    /// <summary>The place as the resident wrote it: estate, building, unit, floor (e.g. "宝盛小区3号楼2单元").</summary>
    public string? Place { get; init; }
    public string? Phone { get; init; }
    public string? ContactName { get; init; }
    public Urgency Urgency { get; init; }
    /// <summary>One line, ≤ 30 characters, in the resident's words (e.g. "三楼楼道灯坏了一周").</summary>
    public string? Summary { get; init; }
    /// <summary>Which path produced this: "offline" or "openai".</summary>
    public required string Source { get; init; }
    /// <summary>
    /// When the message holds problems of different categories ("楼道灯坏了 还有辆僵尸车没人管"), each of them, in the
    /// resident's order (at least two); otherwise empty. The other fields describe the message as a whole.
    /// </summary>
    public IReadOnlyList<WishProblem> Problems { get; init; } = [];
    /// <summary>Why the model's answer was not used (e.g. "timeout", "http 429", "invalid category"); null when it was, or when no model was asked.</summary>
    public string? FallbackReason { get; init; }
}

/// <summary>A community the resident may be in, with the names people use for it.</summary>
public sealed record KnownCommunity(string Id, string Name, IReadOnlyList<string> Aliases);

/// <summary>Reads a resident's free text into fields. Implementations never throw for odd input.</summary>
public interface IWishUnderstanding
{
    Task<WishFields> UnderstandAsync(string text, IReadOnlyList<KnownCommunity> communities, CancellationToken ct);
}

/// <summary>
/// One of several problems in a message, to be placed as a wish of its own: its category, summary and urgency, its own
/// words (<paramref name="Text"/>, without the phone or the contact phrase) and the place named in them, if any.
/// </summary>
public sealed record WishProblem(string Category, string Summary, Urgency Urgency, string Text, string? Place = null);
