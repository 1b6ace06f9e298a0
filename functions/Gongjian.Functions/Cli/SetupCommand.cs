using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Cli;

/// <summary>
/// <c>setup</c>: creates every table, queue and container the app uses that is missing (a deploy-time
/// step, like infra-bicep in Azure; the app does not create them when it starts). Safe to run again.
/// </summary>
public static class SetupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var created = await services.GetRequiredService<StorageClients>().CreateIfMissingAsync([], ct);
        var all = StorageResources.Tables.Count + StorageResources.Queues.Count + StorageResources.Containers.Count;
        output.WriteLine(created.Count == 0 ? $"Storage: all {all} tables, queues and containers exist."
            : created.Count == all ? $"Storage: created all {all} tables, queues and containers."
            : $"Storage: created {created.Count} of {all} ({string.Join(", ", created)}); the others existed.");
        return 0;
    }
}
