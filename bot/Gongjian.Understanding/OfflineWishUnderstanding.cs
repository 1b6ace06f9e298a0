using Gongjian.Understanding.Classification;
using Gongjian.Understanding.Slots;
using Gongjian.Understanding.Text;

namespace Gongjian.Understanding;

/// <summary>
/// Reads a wish with no network: deterministic rules for the slots and a small n-gram classifier
/// for the category. Fast enough (well under a millisecond once trained) to run on every message,
/// and the fallback whenever the model path fails.
/// </summary>
public sealed class OfflineWishUnderstanding : IWishUnderstanding
{
    public const string SourceName = "offline";

    private readonly CategoryClassifier? _given;

    /// <summary>With the shared classifier, trained on first use (or by <see cref="Warm"/>), not when constructed: constructing is on the app's start path.</summary>
    public OfflineWishUnderstanding() { }

    internal OfflineWishUnderstanding(CategoryClassifier classifier) => _given = classifier;

    private CategoryClassifier Classifier => _given ?? CategoryClassifier.Default;

    /// <summary>Trains the classifier now, so the first resident does not wait for it (the app calls it once it is serving).</summary>
    public static void Warm() => _ = CategoryClassifier.Default;

    public Task<WishFields> UnderstandAsync(string text, IReadOnlyList<KnownCommunity> communities, CancellationToken ct) =>
        Task.FromResult(Understand(text, communities));

    /// <summary>The synchronous core; never throws, whatever the input.</summary>
    public WishFields Understand(string? text, IReadOnlyList<KnownCommunity>? communities)
    {
        try
        {
            return Read(ResidentText.Prepare(text), communities ?? []);
        }
        catch (Exception)
        {
            // A bug in a rule must cost the resident one question from the bot, not the conversation.
            return new WishFields { Source = SourceName };
        }
    }

    /// <summary>The text with the phone (and its label) and the contact phrase blanked out: they are no problem of their own.</summary>
    private static string Blanked(string text, params ReadOnlySpan<(int Start, int Length)> cuts)
    {
        var chars = text.ToCharArray();
        foreach (var (start, length) in cuts) chars.AsSpan(start, length).Fill(' ');
        return new string(chars);
    }

    private WishFields Read(string text, IReadOnlyList<KnownCommunity> communities)
    {
        if (text.Length == 0) return new WishFields { Source = SourceName };

        var phone = PhoneFinder.Find(text);
        var phoneCut = phone is { } p ? SummaryWriter.WithLabel(text, p.Start, p.Length) : default;
        // Blank the number out before the place and category readers see it: its digits are not a room.
        var withoutPhone = phone is { } q ? string.Concat(text.AsSpan(0, q.Start), new string(' ', q.Length), text.AsSpan(q.Start + q.Length)) : text;

        var name = ContactNameFinder.Find(withoutPhone);
        var nameCut = name is { } n ? (n.Start, n.Length) : default;
        var reading = Reading.Of(withoutPhone);
        var (category, confidence) = Classifier.Classify(reading);
        var communityNames = communities.Where(c => c is not null).SelectMany(CommunityFinder.NamesOf).ToArray();

        return new WishFields
        {
            Category = category,
            CategoryConfidence = Math.Round(confidence, 3),
            CommunityId = CommunityFinder.Find(withoutPhone, communities),
            Place = PlaceFinder.Find(withoutPhone, communityNames),
            Phone = phone?.Number,
            ContactName = name?.Name,
            Urgency = UrgencyDetector.Detect(reading.Text),
            Summary = SummaryWriter.Write(text, phoneCut, nameCut),
            Source = SourceName,
            Problems = [.. ProblemSplitter.Find(Blanked(text, phoneCut, nameCut), reading, Classifier)
                .Select(p => p with { Place = PlaceFinder.Find(p.Text, communityNames) })],
        };
    }
}
