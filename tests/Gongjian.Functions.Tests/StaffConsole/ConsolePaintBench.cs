using Gongjian.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// Not a test: a measurement of the console's first meaningful paint in real Chromium, run only when asked
/// (<c>--explicit only</c>); figures go to docs/CONSOLE.md and artifacts/bench/console-paint.txt. For each case, the
/// browser's first contentful paint and the moment the page is usable — the sign-in form's key field, or the board's
/// tabs with their counts — taken in the page (a MutationObserver installed before any script), so Playwright's own
/// round trips are not counted. It asserts only that the pages rendered.
/// </summary>
public sealed class ConsolePaintBench(AzuriteFixture azurite, ITestOutputHelper output) : ConsoleBrowserTest(azurite)
{
    private const int Runs = 15;
    public static readonly string Report = Path.Combine(RepoPaths.Root, "artifacts", "bench", "console-paint.txt");

    // Records performance.now() when the first element matching the selector appears.
    private const string Watch = """
        (() => {
          const watch = (selector, name) => {
            const seen = () => { if (!window[name] && document.querySelector(selector)) window[name] = performance.now(); };
            new MutationObserver(seen).observe(document, { childList: true, subtree: true, attributes: true });
          };
          watch('input[placeholder="gjk_…"]', '__formAt');
          watch('[data-testid="tab-placed"] .ant-badge', '__boardAt');
        })();
        """;

    [Fact(Explicit = true)]
    public async Task Measure_first_meaningful_paint()
    {
        var dispatcher = await App.DispatcherAsync();
        for (var i = 0; i < 3; i++) await App.PlaceAsync(TestApp.NewOrder($"楼道灯坏了（第{i + 1}单）"));

        var cold = new List<(double Paint, double Ready)>();
        var coldSteps = new List<(double Scripts, double Session)>();
        var warm = new List<(double Paint, double Ready)>();
        var board = new List<(double Paint, double Ready)>();
        for (var run = 0; run < Runs; run++)
        {
            var page = await Browser.OpenAsync();
            await page.AddInitScriptAsync(Watch);
            cold.Add(await LoadAsync(page, "/console/", "__formAt"));  // new context: empty cache
            var steps = await page.EvaluateAsync<double[]>("""
                () => { const r = performance.getEntriesByType('resource');
                        return [Math.max(...r.filter(e => e.name.endsWith('.js')).map(e => e.responseEnd)),
                                Math.max(-1, ...r.filter(e => e.name.includes('/api/session')).map(e => e.responseEnd))]; }
                """);
            coldSteps.Add((steps[0], steps[1]));
            warm.Add(await LoadAsync(page, "/console/", "__formAt"));  // same context: scripts cached
            await SignInAsync(page, dispatcher);
            board.Add(await LoadAsync(page, "/console/board", "__boardAt")); // signed in, cached
            await page.Context.CloseAsync();
        }

        var lines = new[]
        {
            Line("sign-in page, new browser context (empty cache)", "form usable", cold),
            $"  of which: scripts downloaded p50 {P(coldSteps.Select(r => r.Scripts), 50):F0} ms; session answered p50 {P(coldSteps.Select(r => r.Session), 50):F0} ms",
            Line("sign-in page, reload (scripts cached)", "form usable", warm),
            Line("dispatcher's board, reload signed in (scripts cached)", "tabs with counts", board),
            $"({Runs} runs each; Chromium headless, app Debug build on Kestrel + Azurite on this machine; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})",
        };
        foreach (var line in lines) output.WriteLine(line);
        Directory.CreateDirectory(Path.GetDirectoryName(Report)!);
        await File.WriteAllLinesAsync(Report, lines);
    }

    private async Task<(double Paint, double Ready)> LoadAsync(IPage page, string path, string marker)
    {
        await page.GotoAsync(Url(path));
        await page.WaitForFunctionAsync($"() => window.{marker} !== undefined");
        var paint = await page.EvaluateAsync<double>("() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1");
        var ready = await page.EvaluateAsync<double>($"() => window.{marker}");
        Assert.True(ready > 0);
        return (paint, ready);
    }

    private static string Line(string what, string ready, List<(double Paint, double Ready)> runs) =>
        $"{what}: first contentful paint p50 {P(runs.Select(r => r.Paint), 50):F0} ms, p95 {P(runs.Select(r => r.Paint), 95):F0} ms; " +
        $"{ready} p50 {P(runs.Select(r => r.Ready), 50):F0} ms, p95 {P(runs.Select(r => r.Ready), 95):F0} ms";

    private static double P(IEnumerable<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
