using Gongjian.Understanding.Text;

namespace Gongjian.Understanding.Classification;

/// <summary>
/// A prepared message cut into words, the cues found in it, and the spans of the cue words that do not count
/// (a bystander 孩子, an object 电线 beside another category's problem), which the n-gram model leaves out too.
/// </summary>
internal sealed record Reading(SegmentedText Text, List<(Cue Cue, int At)> Found, List<(int Start, int Length)> LeftOut)
{
    public static Reading Of(string prepared)
    {
        var text = SegmentedText.Of(prepared);
        var found = Cues.Default.Find(text);
        var leftOut = new List<(int, int)>();
        foreach (var (cue, first) in found)
        {
            if (Cues.Counts(cue, found)) continue;
            for (var at = first; at >= 0; at = text.Find(cue.Word, at + cue.Word.Length))
                leftOut.Add((at, cue.Word.Length));
        }
        return new Reading(text, found, leftOut);
    }

    /// <summary>The categories whose head words are in the message.</summary>
    public IEnumerable<string> HeadCategories => Found.Where(f => f.Cue.Role == CueRole.Head).Select(f => f.Cue.Category).Distinct();
}
