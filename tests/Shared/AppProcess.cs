using System.Diagnostics;
using System.Text;

namespace Gongjian.Testing;

/// <summary>
/// The app as a separate process (<c>dotnet Gongjian.Functions.dll</c>), the way it runs in
/// production, with everything it writes to stdout/stderr kept for inspection. Stopped by its pid.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process) => _process = process;

    public string Output { get { lock (_output) return _output.ToString(); } }
    public Uri BaseAddress { get; private init; } = null!;
    public TimeSpan StartedIn { get; private init; }

    public static string AppDll => Path.Combine(AppContext.BaseDirectory, "Gongjian.Functions.dll");

    /// <summary>
    /// A published app to run instead of the test build (<c>GONGJIAN_APP</c>: its executable, e.g. the Native AOT build that
    /// <c>scripts/aot-check</c> publishes), so the tests that launch the app run against the package as shipped.
    /// </summary>
    public static string? PublishedApp => Environment.GetEnvironmentVariable("GONGJIAN_APP") is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(PublishedApp ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (PublishedApp is null) info.ArgumentList.Add(AppDll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["RateLimits__Enabled"] = "false"; // load and crash tests send from one address; RateLimitTests turn limits on
        foreach (var (k, v) in environment) info.Environment[k] = v;
        return info;
    }

    /// <summary>Runs a verb (e.g. <c>seed --keys</c>) to completion and returns its output.</summary>
    public static async Task<string> RunVerbAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var p = Process.Start(StartInfo(environment, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        // A hang detector, not a speed goal: a verb takes seconds, but a busy CI machine may stretch that many times over.
        try { await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5)); }
        catch (TimeoutException) { p.Kill(entireProcessTree: true); throw; }
        Assert.True(p.ExitCode == 0, $"'{string.Join(' ', args)}' exited {p.ExitCode}: {await stderr}{await stdout}");
        return await stdout;
    }

    /// <summary>Starts the app and waits until it serves /api/health. A given port lets a restarted host keep its address.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment, int? fixedPort = null)
    {
        var port = fixedPort ?? FreePort.Next();
        var clock = Stopwatch.StartNew();
        var process = Process.Start(StartInfo(environment, "--urls", $"http://127.0.0.1:{port}"))!;
        var app = new AppProcess(process) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"App exited with {process.ExitCode}: {app.Output}");
            try
            {
                if ((await http.GetAsync("/api/health")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromMinutes(3)) { } // a hang detector, as above
            await Task.Delay(50);
        }
        return new AppProcess(process) { BaseAddress = app.BaseAddress, StartedIn = clock.Elapsed }.Adopt(app);
    }

    private AppProcess Adopt(AppProcess starting)
    {
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        lock (_output) _output.Append(starting.Output);
        return this;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — a crash at whatever point the process was.</summary>
    private int _disposed;

    public void KillHard()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
