using System.Reflection;
using Gongjian.Understanding.Text;

namespace Gongjian.Understanding.Classification;

/// <summary>What part a cue word plays in a complaint (Data/cues.tsv explains each).</summary>
internal enum CueRole { Head, Object, Person }

internal sealed record Cue(string Word, string Category, CueRole Role);

/// <summary>
/// Cue words per category with their role, matched as whole words. The head of the complaint decides: an
/// object word (电线, 暖气) or a person word (孩子, 老人) counts for its category only when no other category's
/// head is in the message, so a hazard, a smell or a bill is not pulled to repair, nor a broken step to children.
/// </summary>
internal sealed class Cues
{
    public const string Resource = "Gongjian.Understanding.cues.tsv";

    private static readonly Lazy<Cues> Loaded = new(() => Load(Resource));

    private Cues(IReadOnlyList<Cue> all) => All = all;

    public static Cues Default => Loaded.Value;

    public IReadOnlyList<Cue> All { get; }

    /// <summary>The cues found in the text, each once, with where it was found.</summary>
    public List<(Cue Cue, int At)> Find(SegmentedText text)
    {
        var found = new List<(Cue, int)>();
        foreach (var cue in All)
            if (text.Find(cue.Word) is var at and >= 0) found.Add((cue, at));
        return found;
    }

    /// <summary>Whether a found cue counts: heads always, objects and persons only when no other category has a head here.</summary>
    public static bool Counts(Cue cue, IReadOnlyList<(Cue Cue, int At)> found) =>
        cue.Role == CueRole.Head || !found.Any(f => f.Cue.Role == CueRole.Head && f.Cue.Category != cue.Category);

    /// <summary>Per category, how many of the found cues count.</summary>
    public static void Count(IReadOnlyList<(Cue Cue, int At)> found, IReadOnlyList<string> labels, Span<int> hits)
    {
        hits.Clear();
        foreach (var (cue, _) in found)
        {
            if (!Counts(cue, found)) continue;
            for (var c = 0; c < labels.Count; c++)
                if (labels[c] == cue.Category) hits[c]++;
        }
    }

    private static Cues Load(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var all = new List<Cue>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            var role = Enum.Parse<CueRole>(cells[1], ignoreCase: true);
            foreach (var word in cells[2].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                all.Add(new Cue(word, cells[0], role));
        }
        return new Cues(all);
    }
}
