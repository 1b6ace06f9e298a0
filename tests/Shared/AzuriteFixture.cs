using System.Diagnostics;
using System.Net.Sockets;

namespace Gongjian.Testing;

/// <summary>
/// One real Azurite (npm, installed by scripts/setup) for the whole test run, on free ports, keeping
/// its data in a temp folder (disk mode: the in-memory mode freezes while purging queue messages).
/// Tests isolate themselves with a fresh table/queue prefix each. Stopped by its own pid.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? _process;
    private ProcessStartInfo _start = null!;
    private int[] _ports = [];
    private string _dir = "";

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var script = Path.Combine(RepoPaths.Root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script)) throw new InvalidOperationException("Azurite is not installed: run scripts/setup (npm ci).");
        _dir = Directory.CreateTempSubdirectory("gongjian-azurite-").FullName;
        _ports = [FreePort.Next(), FreePort.Next(), FreePort.Next()];
        var (blob, queue, table) = (_ports[0], _ports[1], _ports[2]);
        _start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                script, "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--location", _dir,
                "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                "--blobPort", $"{blob}", "--queuePort", $"{queue}", "--tablePort", $"{table}",
            },
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        await StartProcessAsync();
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    private async Task StartProcessAsync()
    {
        _process = Process.Start(_start) ?? throw new InvalidOperationException("Could not start node.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForPortsAsync(_ports);
    }

    /// <summary>
    /// An outage: stops this Azurite by its pid with SIGTERM (SIGKILL if it lingers). Not SIGKILL at
    /// once: Azurite keeps its metadata in memory and saves it to --location every few seconds, so a
    /// SIGKILL would lose writes it had acknowledged — which Azure storage never does.
    /// </summary>
    public void Stop()
    {
        if (_process is { HasExited: false } p)
        {
            if (OperatingSystem.IsWindows() || SendSignal(p.Id, SigTerm) != 0) p.Kill();
            if (!p.WaitForExit(30_000)) { p.Kill(); p.WaitForExit(10_000); }
        }
        _process?.Dispose();
        _process = null;
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>After <see cref="Stop"/>: the same ports and the same data folder, as if the service came back.</summary>
    public Task RestartAsync() => _process is null ? StartProcessAsync() : throw new InvalidOperationException("Azurite is running.");

    private async Task WaitForPortsAsync(params int[] ports)
    {
        // Generous: a loaded CI machine (another suite beside this one) can take tens of seconds to start node.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        foreach (var port in ports)
            while (true)
            {
                if (_process!.HasExited) throw new InvalidOperationException($"Azurite exited with {_process.ExitCode}.");
                try { using var c = new TcpClient(); await c.ConnectAsync("127.0.0.1", port); break; }
                catch (SocketException) when (DateTime.UtcNow < deadline) { await Task.Delay(100); }
            }
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
