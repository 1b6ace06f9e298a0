using Gongjian.Understanding;

namespace Gongjian.Bot.Conversations.Resident;

/// <summary>
/// One message that tells of several problems (楼道灯坏了 还有辆僵尸车没人管) becomes several wishes, one
/// confirmation each: this wish takes the first problem, the bot says so, and once it is placed the others
/// are offered as buttons; pressing one starts its own wish with its words.
/// </summary>
public static class SeveralProblems
{
    /// <summary>The draft with the first problem's category, summary and urgency, and what to tell the resident (null for one problem).</summary>
    public static (WishDraft Draft, string? Notice) TakeFirst(WishDraft draft, WishFields? fields, IReadOnlyList<KnownCommunity> communities)
    {
        if (fields is not { Problems.Count: >= 2 } || draft.Category is not null)
            return (WishReader.Merge(draft, fields, communities), null);
        var first = fields.Problems[0];
        var taken = WishReader.Merge(draft, fields with { Category = first.Category, Summary = first.Summary, Urgency = first.Urgency }, communities);
        return (taken, Notice(fields.Problems));
    }

    /// <summary>The problems of the placed wish's text other than the one it took, as the words of the wishes still to place.</summary>
    public static IReadOnlyList<string> Later(WishFields? fields, WishDraft placed) =>
        fields is { Problems.Count: >= 2 }
            ? fields.Problems.Where(p => p.Category != placed.Category).Select(p => p.Summary).ToList()
            : [];

    public static string Notice(IReadOnlyList<WishProblem> problems) =>
        $"您说了 {problems.Count} 件事，我们一件一件登记，每件单独确认。先登记第一件：“{problems[0].Summary}”；"
        + "提交后点下面的按钮，再登记" + string.Join("、", problems.Skip(1).Select(p => $"“{p.Summary}”")) + "。";

    public static string PlacedWithLater(string placed, int later) =>
        placed + $"\n还有 {later} 件事没登记，点下面对应的按钮就能接着登记。";
}
