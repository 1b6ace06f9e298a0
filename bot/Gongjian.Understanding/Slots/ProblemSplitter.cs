using Gongjian.Understanding.Classification;
using Gongjian.Understanding.Text;

namespace Gongjian.Understanding.Slots;

/// <summary>
/// Finds several problems in one message ("楼道灯坏了 还有辆僵尸车没人管"): the message is cut into clauses at
/// punctuation, spaces and connectives (还有, 另外…); a clause is a problem when it has a head word of some
/// category and reads as that category on its own. Clauses without a head (俺住七楼) belong to the problem
/// before them. Only problems of different categories are returned: two of the same kind are one order.
/// </summary>
internal static class ProblemSplitter
{
    private static readonly char[] Breaks = ['，', ',', '。', '.', '！', '!', '？', '?', '；', ';', ' ', '~', '～', '、'];
    private static readonly string[] Connectives = ["还有", "另外", "再就是", "再有", "而且", "顺便"];

    /// <param name="whole">The reading of the whole message: with heads of fewer than two categories there is one problem at most, and no clause is read.</param>
    public static IReadOnlyList<WishProblem> Find(string text, Reading whole, CategoryClassifier classifier)
    {
        if (whole.HeadCategories.Take(2).Count() < 2) return [];
        var problems = new List<(string Category, string Text)>();
        foreach (var clause in Clauses(text))
        {
            var reading = Reading.Of(clause);
            var (category, _) = classifier.Classify(reading);
            var same = problems.FindIndex(p => p.Category == category);
            if (category is not null && reading.HeadCategories.Contains(category) && same < 0)
                problems.Add((category, clause));
            else if (problems.Count > 0)
            {
                var to = same >= 0 ? same : problems.Count - 1;
                problems[to] = (problems[to].Category, problems[to].Text + "，" + clause);
            }
        }
        if (problems.Count < 2) return [];
        return problems.Select(p => new WishProblem(p.Category, SummaryWriter.Write(p.Text) ?? p.Text, UrgencyDetector.Detect(p.Text), p.Text)).ToList();
    }

    private static IEnumerable<string> Clauses(string text)
    {
        foreach (var part in text.Split(Breaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var rest = part;
            foreach (var connective in Connectives)
            {
                var at = rest.IndexOf(connective, StringComparison.Ordinal);
                if (at < 0) continue;
                if (at > 0) yield return rest[..at];
                rest = rest[(at + connective.Length)..];
            }
            if (rest.Length > 0) yield return rest;
        }
    }
}
