using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gongjian.Bench;

/// <summary>
/// The app under test as its own process (<c>dotnet Gongjian.Functions.dll --urls …</c>, the build
/// scripts/bench made), as it runs in production, queue and timer triggers on. Keeps the tail of its output for error reports and
/// is stopped by its own pid (also when the bench itself is stopped).
/// </summary>
public sealed class ChildApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly EventHandler _onExit;

    private ChildApp(Process process, Uri address, Stopwatch sinceStart)
    {
        (_process, BaseAddress, SinceStart) = (process, address, sinceStart);
        _onExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += _onExit;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }
    public int Pid => _process.Id;
    /// <summary>Started when the process was launched.</summary>
    public Stopwatch SinceStart { get; }
    /// <summary>Process start → first /api/health answered 200.</summary>
    public TimeSpan FirstServed { get; private set; }
    public string Tail { get { lock (_tail) return string.Join('\n', _tail); } }
    /// <summary>Lines the app has written to stdout/stderr (its console log).</summary>
    public long Lines { get { lock (_tail) return _lines; } }
    private long _lines;

    public static ProcessStartInfo StartInfo(string appDll, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(appDll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["RateLimits__Enabled"] = "false"; // the bench drives the app from one address; abuse limits would measure themselves
        foreach (var (k, v) in environment) info.Environment[k] = v;
        return info;
    }

    /// <summary>Runs a verb such as <c>seed --keys</c> to completion (at most 2 minutes) and returns its output.</summary>
    public static async Task<string> RunVerbAsync(string appDll, IReadOnlyDictionary<string, string> environment, CancellationToken ct, params string[] args)
    {
        using var p = Process.Start(StartInfo(appDll, environment, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        try { await p.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromMinutes(2), ct); }
        finally { if (!p.HasExited) p.Kill(entireProcessTree: true); }
        return p.ExitCode == 0 ? await stdout : throw new InvalidOperationException($"'{string.Join(' ', args)}' exited {p.ExitCode}: {await stderr}{await stdout}");
    }

    /// <summary>Starts the app on a free loopback port and waits (at most 60 s) until it serves /api/health.</summary>
    public static async Task<ChildApp> StartAsync(string appDll, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var port = FreePort();
        var clock = Stopwatch.StartNew();
        var app = new ChildApp(Process.Start(StartInfo(appDll, environment, "--urls", $"http://127.0.0.1:{port}"))!, new Uri($"http://127.0.0.1:{port}"), clock);
        try
        {
            using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            while (true)
            {
                if (app._process.HasExited) throw new InvalidOperationException($"The app exited with {app._process.ExitCode}:\n{app.Tail}");
                if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"The app did not serve /api/health within 60 s:\n{app.Tail}");
                try
                {
                    using var response = await http.GetAsync("/api/health", ct);
                    if (response.StatusCode == HttpStatusCode.OK) break;
                }
                catch (HttpRequestException) { }
                await Task.Delay(10, ct);
            }
            app.FirstServed = clock.Elapsed;
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_tail)
        {
            _lines++;
            _tail.Enqueue(line);
            if (_tail.Count > 60) _tail.Dequeue();
        }
    }

    private void Kill()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already gone
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _onExit;
        Kill();
        try { await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (TimeoutException) { } // killed; the OS reaps it
        _process.Dispose();
    }
}
