using System.Diagnostics;
using Gongjian.Functions.Showcases;
using Gongjian.Functions.Showcases.Pages;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Showcases;

/// <summary>
/// Not a test: a measurement, run only when asked (<c>--explicit only</c>), whose figures go to
/// docs/BENCHMARKS.md (and artifacts/bench/showcase-pages.txt). It asserts only that the pages answered; how fast depends on the machine.
/// </summary>
public sealed class ShowcasePageTimingBench(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Warmup = 30, Runs = 300;
    public static readonly string Report = Path.Combine(RepoPaths.Root, "artifacts", "bench", "showcase-pages.txt");

    [Fact(Explicit = true)]
    public async Task Measure_page_render_and_request_times()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var organizer = await app.OrganizerAsync();
        var stairs = await ShowcasePageSetup.StairLightAsync(app);
        var lunch = await ShowcasePageSetup.LunchDeliveryAsync(app);
        string id = "";
        for (var i = 1; i <= 25; i++) // a street's list of a few pages
            id = await ShowcasePageSetup.PublishAsync(app, organizer, $"第{i}篇：楼道亮了，老人吃上热乎饭",
                string.Concat(Enumerable.Repeat("东七里社区居民反映楼道灯损坏，泰山宝盛置业当天上门更换。\n", 12)), stairs, lunch);

        var pages = app.Services.GetRequiredService<PageRenderer>();
        var view = (await app.Services.GetRequiredService<ShowcaseStore>().GetAsync(id, CancellationToken.None))!.Value.View;
        var render = await TimeAsync(() => pages.RenderAsync<ShowcasePage>(new() { ["Showcase"] = view, ["BaseUrl"] = "https://gongjian.example.cn" }));
        var showcase = await TimeAsync(() => GetOkAsync(app, PagePaths.Showcase("caiyuan", id)));
        var list = await TimeAsync(() => GetOkAsync(app, PagePaths.Street("caiyuan")));
        var lines = new[]
        {
            $"render only (ShowcasePage, 2 orders, 3 photos): {render}",
            $"GET showcase page (loopback, incl. 1 table read): {showcase}",
            $"GET street list, page 1 of 3 (loopback, incl. directory + list query of 25 showcases): {list}",
        };
        foreach (var line in lines) output.WriteLine(line);
        // The runner shows the output of failed tests only: the figures are kept in a file as well.
        Directory.CreateDirectory(Path.GetDirectoryName(Report)!);
        await File.WriteAllLinesAsync(Report, lines);
    }

    private static async Task<string> GetOkAsync(TestApp app, string path)
    {
        using var response = await app.Http.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> TimeAsync(Func<Task<string>> run)
    {
        for (var i = 0; i < Warmup; i++) await run();
        var ms = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            ms[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(ms);
        return $"p50 {ms[Runs / 2]:F2} ms, p95 {ms[Runs * 95 / 100]:F2} ms, max {ms[^1]:F2} ms ({Runs} runs)";
    }
}
