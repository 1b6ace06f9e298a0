using System.Text.RegularExpressions;
using Gongjian.Domain.Community;
using Gongjian.Domain.Privacy;
using Gongjian.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.Conversations.Resident;

/// <summary>
/// Turns a resident's words into draft fields: the understanding service for free text (bounded by
/// a timeout: a slow answer costs one question, not the conversation), plain rules for answers to a
/// question the bot asked.
/// </summary>
public sealed partial class WishReader(IServiceProvider services, IOptions<BotOptions> options, ILogger<WishReader> log)
{
    private readonly IWishUnderstanding? _understanding = services.GetService<IWishUnderstanding>();

    public async Task<WishFields?> UnderstandAsync(string text, IReadOnlyList<KnownCommunity> communities, CancellationToken ct)
    {
        if (_understanding is null) return null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.UnderstandingTimeout);
        try
        {
            return await _understanding.UnderstandAsync(text, communities, timeout.Token).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("Understanding took longer than {Timeout}; asking the resident instead", options.Value.UnderstandingTimeout);
            return null;
        }
    }

    /// <summary>Fills the fields the draft still lacks from what was understood; never overwrites an answer.</summary>
    public static WishDraft Merge(WishDraft draft, WishFields? fields, IReadOnlyList<KnownCommunity> communities)
    {
        if (fields is null) return draft;
        var community = communities.FirstOrDefault(c => c.Id == fields.CommunityId);
        return draft with
        {
            Summary = draft.Summary ?? fields.Summary,
            Category = draft.Category ?? (ServiceCategory.IsKnown(fields.Category) ? fields.Category : null),
            CommunityId = draft.CommunityId ?? community?.Id,
            CommunityName = draft.CommunityName ?? community?.Name,
            Place = draft.Place ?? (string.IsNullOrWhiteSpace(fields.Place) ? null : fields.Place),
            Phone = draft.Phone ?? (PhoneNumber.TryNormalize(fields.Phone, out var phone) ? phone : null),
            ContactName = draft.ContactName ?? (string.IsNullOrWhiteSpace(fields.ContactName) ? null : ResidentName.Form(fields.ContactName.Trim())),
            Urgent = draft.Urgent || fields.Urgency == Urgency.Urgent,
        };
    }

    public static string? Category(string answer)
    {
        var bare = Intents.Bare(Intents.Normalize(answer));
        return ServiceCategory.All.FirstOrDefault(c => bare == c.Name || bare == c.Code)?.Code
            ?? ServiceCategory.All.FirstOrDefault(c => c.Code != "other" && bare.Length >= 2 && (c.Name.Contains(bare) || bare.Contains(c.Name)))?.Code;
    }

    public static KnownCommunity? Community(string answer, IReadOnlyList<KnownCommunity> communities)
    {
        var bare = Intents.Bare(Intents.Normalize(answer));
        if (bare.Length < 2) return null;
        return communities.FirstOrDefault(c => c.Name == bare || c.Aliases.Contains(bare))
            ?? communities.FirstOrDefault(c => bare.Contains(c.Name) || c.Aliases.Any(a => a.Length >= 2 && bare.Contains(a)));
    }

    public static string? Phone(string answer)
    {
        var text = Intents.Normalize(answer);
        if (PhoneNumber.TryNormalize(text, out var whole)) return whole;
        foreach (Match m in PhoneLike().Matches(text))
            if (PhoneNumber.TryNormalize(m.Value, out var found)) return found;
        return null;
    }

    public static string? Place(string answer)
    {
        var text = Intents.Normalize(answer);
        return text.Length is >= 2 and <= 100 ? text : null;
    }

    [GeneratedRegex(@"[+＋]?[0-9][0-9\s\-()（）]{6,18}[0-9]")]
    private static partial Regex PhoneLike();
}
