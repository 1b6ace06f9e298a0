using System.Text.RegularExpressions;
using Gongjian.Domain.Privacy;
using Gongjian.Understanding;

namespace Gongjian.Bot.Tests.Support;

/// <summary>
/// A small, deterministic stand-in for the understanding service: a few keywords per category,
/// community names, "X小区N号楼…" places and phone numbers. <see cref="Hold"/> makes it wait on purpose.
/// </summary>
public sealed partial class ScriptedUnderstanding : IWishUnderstanding
{
    private static readonly (string Keyword, string Category)[] Cues =
    [
        ("灯", "repair"), ("漏水", "repair"), ("电梯", "repair"), ("垃圾", "environment"), ("停车", "parking"),
        ("送饭", "elderly"), ("送餐", "elderly"), ("老人", "elderly"), ("血压", "health"), ("律师", "legal"), ("噪音", "safety"),
    ];

    /// <summary>While set and not completed, every call waits for it: a language model that has not answered yet.</summary>
    public TaskCompletionSource? Hold { get; set; }
    /// <summary>The next call throws, as a bug would: the bot must apologise and start over.</summary>
    public bool FailNext { get; set; }
    public int Calls;

    public async Task<WishFields> UnderstandAsync(string text, IReadOnlyList<KnownCommunity> communities, CancellationToken ct)
    {
        Interlocked.Increment(ref Calls);
        if (FailNext)
        {
            FailNext = false;
            throw new InvalidOperationException("Scripted failure.");
        }
        if (Hold is { } hold) await hold.Task.WaitAsync(ct);
        var category = Cues.FirstOrDefault(c => text.Contains(c.Keyword)).Category;
        var community = communities.FirstOrDefault(c => text.Contains(c.Name) || c.Aliases.Any(text.Contains));
        var phone = Phone().Match(text) is { Success: true } m && PhoneNumber.TryNormalize(m.Value, out var p) ? p : null;
        return new WishFields
        {
            Category = category,
            CategoryConfidence = category is null ? 0 : 0.9,
            CommunityId = community?.Id,
            Place = Place().Match(text) is { Success: true } place ? place.Value : null,
            Phone = phone,
            Urgency = text.Contains("紧急") || text.Contains("漏水") ? Urgency.Urgent : Urgency.Normal,
            Summary = text.Length <= 20 ? text : text[..20],
            Source = "scripted",
        };
    }

    [GeneratedRegex(@"[\u4e00-\u9fff]{1,6}小区(\d+号楼)?(\d+单元)?")]
    private static partial Regex Place();

    [GeneratedRegex(@"1[3-9][0-9０-９]{9}|1[3-9]\d{9}|[１][３-９][０-９]{9}")]
    private static partial Regex Phone();
}
