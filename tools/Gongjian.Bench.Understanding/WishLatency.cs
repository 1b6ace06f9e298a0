using System.Diagnostics;
using Gongjian.Understanding;

namespace Gongjian.Bench.Understanding;

/// <summary>Per-wish latency of OfflineWishUnderstanding.Understand over every labelled wish (all three splits), warm.</summary>
internal static class WishLatency
{
    private static readonly KnownCommunity[] Communities =
    [
        new("dongqili", "东七里社区", ["东七里", "宝盛小区", "阳光花园小区"]),
        new("sanlian", "三联社区", ["三联", "三联小区"]),
        new("qingshan", "青山社区", ["青山", "青山小区"]),
    ];

    public static (double[] Micros, int Wishes) Measure(int rounds)
    {
        var wishes = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data"), "wishes*.tsv")
            .SelectMany(File.ReadLines)
            .Where(l => l.Length > 0 && l[0] != '#' && !l.StartsWith("category\t", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf('\t') + 1)..])
            .ToArray();
        var reader = new OfflineWishUnderstanding();
        foreach (var wish in wishes) reader.Understand(wish, Communities); // warm-up: JIT and tiering
        var micros = new double[wishes.Length * rounds];
        var n = 0;
        for (var round = 0; round < rounds; round++)
            foreach (var wish in wishes)
            {
                var start = Stopwatch.GetTimestamp();
                reader.Understand(wish, Communities);
                micros[n++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        return (micros, wishes.Length);
    }
}
