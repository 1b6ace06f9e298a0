using Azure;
using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Storage;

/// <summary>
/// Every table, queue and container the app uses. They are created at deploy time — by the
/// <c>setup</c> verb (local, tests) or by infra-bicep (Azure) — never on the start path.
/// </summary>
public static class StorageResources
{
    public static readonly IReadOnlyList<string> Tables = TableNames.All;
    /// <summary>The app's queues and their poison queues.</summary>
    public static readonly IReadOnlyList<string> Queues = [.. QueueNames.All, .. QueueNames.All.Select(QueueNames.Poison)];
    public static readonly IReadOnlyList<string> Containers = [ContainerNames.Photos, ContainerNames.Locks];

    /// <summary>Storage answered that a table, queue or container does not exist: <c>setup</c> was not run on this account.</summary>
    public static bool IsMissingResource(Exception e) => e is RequestFailedException { Status: 404, ErrorCode: "TableNotFound" or "QueueNotFound" or "ContainerNotFound" };
}
