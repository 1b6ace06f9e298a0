using Azure;
using Azure.Data.Tables;
using Gongjian.Bot.Storage;
using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.StaffConsole;

/// <summary>
/// Timer function, daily at 03:47 UTC: keeps the console's own records from growing without end (Azure Tables has
/// no per-row expiry). Staff notices older than <see cref="PrivacyOptions.StaffNoticesKeepFor"/> go with their
/// duplicate markers; contact-view audit rows (who saw a resident's phone and address, never the data itself) older
/// than <see cref="PrivacyOptions.ContactViewsKeepFor"/>; console sessions a day after they expired. Deletes are
/// batched per partition (<see cref="PartitionBatcher"/>).
/// </summary>
public static class PurgeConsoleRecords
{
    public static readonly TimerTrigger Trigger = new("0 47 3 * * *");

    public sealed record Report(int StaffNotices, int ContactViews, int Sessions);

    public static async Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct)
    {
        var report = await PurgeAsync(services.GetRequiredService<StorageClients>(), services.GetRequiredService<IOptions<PrivacyOptions>>().Value,
            services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
        if (report != new Report(0, 0, 0))
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PurgeConsoleRecords))
                .LogInformation("Purged {StaffNotices} staff notices, {ContactViews} contact-view audit rows, {Sessions} ended sessions",
                    report.StaffNotices, report.ContactViews, report.Sessions);
    }

    public static async Task<Report> PurgeAsync(StorageClients storage, PrivacyOptions privacy, DateTimeOffset now, CancellationToken ct)
    {
        var notices = await DeleteAsync(storage.Table(TableNames.StaffNotices),
            TableClient.CreateQueryFilter($"CreatedAt le {now - privacy.StaffNoticesKeepFor}"),
            // A notice's marker (n-{hash of its notification id}) goes with it: nothing will retry a notice that old.
            row => [new TableEntity(row.PartitionKey, "n-" + TableKeys.Hash(row.GetString("NotificationId") ?? ""))], ct);
        var views = await DeleteAsync(storage.ContactViews, TableClient.CreateQueryFilter($"At le {now - privacy.ContactViewsKeepFor}"), null, ct);
        var sessions = await DeleteAsync(storage.Table(StaffSessions.TableName), TableClient.CreateQueryFilter($"ExpiresAt le {now - TimeSpan.FromDays(1)}"), null, ct);
        return new Report(notices, views, sessions);
    }

    /// <summary>Deletes the rows matching <paramref name="filter"/> (and each one's <paramref name="companions"/>); returns how many matched rows went.</summary>
    private static async Task<int> DeleteAsync(TableClient table, string filter, Func<TableEntity, TableEntity[]>? companions, CancellationToken ct)
    {
        var batcher = new PartitionBatcher(table);
        var matched = 0;
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: companions is null ? ["PartitionKey", "RowKey"] : null, cancellationToken: ct))
            {
                matched++;
                await batcher.AddAsync(new(TableTransactionActionType.Delete, row, ETag.All), ct);
                foreach (var companion in companions?.Invoke(row) ?? []) await batcher.AddAsync(new(TableTransactionActionType.Delete, companion, ETag.All), ct);
            }
            await batcher.FlushAsync(ct);
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "TableNotFound")
        {
            return 0; // made on first use (sessions): nothing to purge yet
        }
        return matched;
    }
}
