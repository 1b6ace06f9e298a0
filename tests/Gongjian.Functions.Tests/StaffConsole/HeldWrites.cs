using Microsoft.Playwright;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// Holds the first write a console page sends to the API (any request but a GET) in the browser until the test lets it
/// go, and counts every write the page sends meanwhile: a test asserts what the screen shows while its write is on its way
/// — no sleeps, the write simply does not answer until <see cref="Release"/>. Reads (GETs) pass at once.
/// </summary>
public sealed class HeldWrites
{
    private readonly TaskCompletionSource<IRequest> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _writes = [];

    private HeldWrites() { }

    /// <summary>Starts holding on <paramref name="page"/> (call it after the page has loaded what the test needs).</summary>
    public static async Task<HeldWrites> OnAsync(IPage page)
    {
        var held = new HeldWrites();
        await page.RouteAsync("**/api/**", held.RouteAsync);
        return held;
    }

    /// <summary>Every write the page sent since holding began, as "METHOD path".</summary>
    public IReadOnlyList<string> Writes { get { lock (_writes) return [.. _writes]; } }

    /// <summary>Waits until the first write has reached the browser's network layer (and is held there).</summary>
    public Task<IRequest> FirstAsync() => _first.Task.WaitAsync(TimeSpan.FromMilliseconds(ConsoleBrowser.Patience));

    /// <summary>Lets the held write (and any later one) go on to the app.</summary>
    public void Release() => _release.TrySetResult();

    /// <summary>
    /// Holds the page's reads of <paramref name="glob"/> from now on (the reload that follows a write) until the returned
    /// release is called; its task completes when the first such read is held.
    /// </summary>
    public static async Task<(Task Held, Action Release)> HoldReadsAsync(IPage page, string glob)
    {
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(glob, async route =>
        {
            if (route.Request.Method != "GET") { await route.FallbackAsync(); return; }
            first.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });
        return (first.Task.WaitAsync(TimeSpan.FromMilliseconds(ConsoleBrowser.Patience)), () => release.TrySetResult());
    }

    private async Task RouteAsync(IRoute route)
    {
        var request = route.Request;
        if (request.Method is "GET" or "HEAD")
        {
            await route.ContinueAsync();
            return;
        }
        lock (_writes) _writes.Add($"{request.Method} {new Uri(request.Url).AbsolutePath}");
        _first.TrySetResult(request);
        await _release.Task;
        await route.ContinueAsync();
    }
}
