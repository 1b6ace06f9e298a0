using System.Text.RegularExpressions;
using Gongjian.Understanding;

namespace Gongjian.Bot.Conversations.Resident;

/// <summary>
/// One message that tells of several problems (楼道灯坏了 还有辆僵尸车没人管) becomes several wishes, one
/// confirmation each: this wish takes the first problem's words, the bot says so, and once it is placed the others
/// are offered as buttons. Pressing one shows its card at once, with the community, place, phone and 称呼 the
/// resident already gave (a place named in its own words wins): nothing is asked twice.
/// </summary>
public static partial class SeveralProblems
{
    /// <summary>The draft with the first problem's words, category, summary and urgency and the others as <see cref="WishDraft.Later"/>, and what to tell the resident (null for one problem).</summary>
    public static (WishDraft Draft, string? Notice) TakeFirst(WishDraft draft, WishFields? fields, IReadOnlyList<KnownCommunity> communities)
    {
        if (fields is not { Problems.Count: >= 2 } || draft.Category is not null)
            return (WishReader.Merge(draft, fields, communities), null);
        var first = fields.Problems[0];
        var taken = WishReader.Merge(draft, fields with
        {
            Category = first.Category, Summary = first.Summary, Urgency = first.Urgency, Place = first.Place ?? fields.Place,
        }, communities);
        return (taken with { Text = first.Text, Later = [.. fields.Problems.Skip(1).Select(Own)] }, Notice(fields.Problems));
    }

    private static WishDraft Own(WishProblem p) => new()
    {
        Text = p.Text, Summary = p.Summary, Category = p.Category, Urgent = p.Urgency == Urgency.Urgent, Place = p.Place,
    };

    /// <summary>The wishes still to place once <paramref name="placed"/> is: its own later problems, with what it knew filled in, then those waiting before.</summary>
    public static IReadOnlyList<WishDraft> StillToPlace(WishDraft placed, IReadOnlyList<WishDraft> waiting) =>
    [
        .. placed.Later.Select(l => l with
        {
            CommunityId = l.CommunityId ?? placed.CommunityId, CommunityName = l.CommunityName ?? placed.CommunityName,
            Place = Within(l.Place, placed.Place), Phone = l.Phone ?? placed.Phone, ContactName = l.ContactName ?? placed.ContactName,
        }),
        .. waiting,
    ];

    /// <summary>
    /// A problem's place: a spot named in its own words (楼下) is taken as being at the estate and building the message
    /// named (宝盛小区3号楼 + 楼下 → 宝盛小区3号楼楼下); a place of its own with an estate or building stands as it is.
    /// </summary>
    public static string? Within(string? own, string? message)
    {
        if (own is null) return message;
        if (message is null || Building().IsMatch(own)) return own;
        var at = Building().Match(message);
        return at.Success ? at.Value + own : own;
    }

    [GeneratedRegex("^.*(?:小区|花园|家园|新村|宿舍|公寓|大院|号楼|栋|幢|号院|单元)")]
    private static partial Regex Building();

    /// <summary>The waiting wish whose button was pressed (its summary is the button's text), or null.</summary>
    public static WishDraft? Pressed(string text, IReadOnlyList<WishDraft> waiting)
    {
        var said = Intents.Bare(Intents.Normalize(text));
        return said.Length == 0 ? null : waiting.FirstOrDefault(w => w.Summary is { } s && Intents.Bare(Intents.Normalize(s)) == said);
    }

    public static string Notice(IReadOnlyList<WishProblem> problems) =>
        $"您说了 {problems.Count} 件事，我们一件一件登记，每件单独确认。先登记第一件：“{problems[0].Summary}”；"
        + "提交后点下面的按钮，再登记" + string.Join("、", problems.Skip(1).Select(p => $"“{p.Summary}”")) + "。";

    public static string PlacedWithLater(string placed, int later) =>
        placed + $"\n还有 {later} 件事没登记，点下面对应的按钮就能接着登记。";
}
