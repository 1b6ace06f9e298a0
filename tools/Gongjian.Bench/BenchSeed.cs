using System.Text.RegularExpressions;

namespace Gongjian.Bench;

/// <summary>The staff keys a cycle needs: the 东七里 dispatcher and the 宝盛置业 liaison (the unit that serves 东七里 repairs).</summary>
public sealed record BenchKeys(string Dispatcher, string Liaison);

/// <summary>
/// A fresh storage prefix, seeded by the app's own <c>seed --keys</c> verb (a child process), with
/// the keys parsed from its output. Every phase gets its own prefix, so no phase sees another's data.
/// </summary>
public static class BenchSeed
{
    public const string Community = "dongqili";
    public const string Unit = "baosheng-property";

    public static string NewPrefix(char phase) => $"b{phase}{Guid.NewGuid():N}"[..12];

    public static Dictionary<string, string> Environment(string connectionString, string prefix, IEnumerable<(string Key, string Value)> extra)
    {
        var env = new Dictionary<string, string> { ["AzureWebJobsStorage"] = connectionString, ["Storage__Prefix"] = prefix };
        foreach (var (k, v) in extra) env[k] = v;
        return env;
    }

    public static async Task<BenchKeys> SeedAsync(string appDll, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var output = await ChildApp.RunVerbAsync(appDll, environment, ct, "seed", "--keys");
        string Key(string role, string scope) =>
            Regex.Match(output, $@"^\s*{role}\s+{Regex.Escape(scope)}\s+(gjk_\S+)", RegexOptions.Multiline) is { Success: true } m
                ? m.Groups[1].Value
                : throw new InvalidOperationException($"No {role} key for {scope} in the seed output:\n{output}");
        return new BenchKeys(Key("dispatcher", Community), Key("liaison", Unit));
    }
}
