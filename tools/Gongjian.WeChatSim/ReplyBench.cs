using System.Diagnostics;
using System.Globalization;

namespace Gongjian.WeChatSim;

/// <summary>
/// The bot's reply time on the WeChat path, as a follower sees it: from WeChat's post (signed, encrypted) to the
/// decrypted passive reply. Each follower follows, types a wish, gives a phone number and confirms; messages are
/// sent one at a time (latency, not throughput). Answers that miss the passive budget count as misses.
/// </summary>
public static class ReplyBench
{
    private static readonly string[] Wishes =
    [
        "三楼楼道灯坏了一个星期了，东七里社区宝盛小区3号楼", "小区门口垃圾好几天没人清理，东七里社区宝盛小区", "楼上漏水把我家天花板泡了，东七里社区宝盛小区5号楼",
        "家里老人腿脚不便，想请人帮忙送饭，东七里社区宝盛小区2号楼", "电梯又坏了，老人上不了楼，东七里社区宝盛小区1号楼",
    ];

    public static async Task<string> RunAsync(WeChatSimulator sim, int followers)
    {
        var times = new Dictionary<string, List<double>> { ["follow"] = [], ["wish"] = [], ["phone"] = [], ["confirm"] = [] };
        var misses = 0;
        async Task Time(string kind, Func<Task<Delivery>> send)
        {
            var watch = Stopwatch.StartNew();
            var delivery = await send();
            watch.Stop();
            if (delivery.Passive is null) misses++;
            times[kind].Add(watch.Elapsed.TotalMilliseconds);
        }
        // Warm-up: the first conversation pays for JIT and connections and is not counted.
        await sim.FollowAsync("o-bench-warm");
        await sim.TextAsync("o-bench-warm", Wishes[0]);
        for (var i = 0; i < followers; i++)
        {
            var openId = $"o-bench-{i:D4}";
            await Time("follow", () => sim.FollowAsync(openId));
            await Time("wish", () => sim.TextAsync(openId, Wishes[i % Wishes.Length]));
            await Time("phone", () => sim.TextAsync(openId, $"138053{i:D5}"));
            await Time("confirm", () => sim.TextAsync(openId, "确认提交"));
        }
        var all = times.Values.SelectMany(t => t).ToList();
        var lines = new List<string>
        {
            $"| message | n | p50 ms | p95 ms | max ms |",
            "|---|---|---|---|---|",
        };
        foreach (var (kind, t) in times.Append(new("all", all)))
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {t.Count} | {P(t, 50):F1} | {P(t, 95):F1} | {t.Max():F1} |"));
        lines.Add($"\nAnswered passively: {all.Count - misses} of {all.Count} (the rest went as customer-service messages).");
        return string.Join("\n", lines);
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
