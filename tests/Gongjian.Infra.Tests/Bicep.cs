using System.Diagnostics;
using System.Reflection;
using Xunit;

namespace Gongjian.Infra.Tests;

/// <summary>Runs the bicep CLI restored from NuGet (path baked in at build time).</summary>
static class Bicep
{
    public static string InfraDirectory { get; } = Metadata("InfraDirectory");

    static readonly Lazy<string> Executable = new(() => MakeExecutable(Metadata("BicepPath")));

    public static IEnumerable<string> Files(string extension) =>
        Directory.EnumerateFiles(InfraDirectory, "*" + extension, SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(InfraDirectory, path))
            .Order(StringComparer.Ordinal);

    /// <summary>Runs bicep in the infra folder; Output holds stdout and stderr together.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            WorkingDirectory = InfraDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    public static TempDirectory NewTempDirectory() => new();

    static string Metadata(string key) =>
        typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Assembly metadata '{key}' is missing; see the test .csproj.");

    // NuGet extraction does not always keep the executable bit.
    static string MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0) File.SetUnixFileMode(path, mode | execute);
        }
        return path;
    }
}

sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("gongjian-bicep-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
