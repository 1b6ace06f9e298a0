using Azure;
using Gongjian.Functions.Http;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Hosting;

public sealed record HealthView(string Status, string Storage, string Version);

/// <summary>
/// Liveness plus one cheap storage read, so a probe notices when storage is unreachable; and 503
/// <c>storage_not_set_up</c>, naming what is missing, when the app runs on storage <c>setup</c> never prepared.
/// </summary>
public static class HealthFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "health");
    private static readonly string Version = typeof(HealthFunction).Assembly.GetName().Version?.ToString() ?? "0";

    public static async Task<IResult> Run(HttpContext context, StorageClients storage, StorageSetupCheck setup)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            if (setup.Missing.Count > 0 && await setup.CheckAsync(timeout.Token) is { Count: > 0 } missing)
                throw ApiProblem.StorageNotSetUp(missing);
            await storage.Directory.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "health", ["PartitionKey"], timeout.Token);
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException or AggregateException)
        {
            throw new ApiProblem(StatusCodes.Status503ServiceUnavailable, "storage_unavailable", "存储服务暂时不可用。") { RetryAfter = StorageFaults.RetryAfter };
        }
        return Results.Json(new HealthView("ok", "ok", Version), ApiJson.Web.HealthView);
    }
}
