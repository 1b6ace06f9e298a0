using Azure.Data.Tables;
using Gongjian.Bot.Notifications;
using Gongjian.Bot.Storage;
using Gongjian.Functions.Access;
using Gongjian.Functions.StaffConsole;
using Gongjian.Functions.StaffInbox;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// The daily purge of the console's records on Azurite: notices past their keeping time go with their duplicate
/// markers, old contact-view audit rows and long-ended sessions go, everything younger stays; a second run finds nothing.
/// </summary>
public sealed class PurgeConsoleRecordsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 47, 0, TimeSpan.Zero);
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static Notification Notice(string id, DateTimeOffset at) => new()
    {
        Id = id, OrderId = "GJ-PURGE", Recipient = new(RecipientKind.Dispatcher, "purge-test"), Kind = "placed", Text = "【待派单】测试", CreatedAt = at,
    };

    [Fact]
    public async Task Old_records_go_young_ones_stay_and_a_second_run_finds_nothing()
    {
        var privacy = new PrivacyOptions();
        var notices = _app.Services.GetRequiredService<StaffNotices>();
        await notices.StoreAsync(Notice("old-notice", Now - privacy.StaffNoticesKeepFor - TimeSpan.FromHours(1)), CancellationToken.None);
        await notices.StoreAsync(Notice("young-notice", Now - privacy.StaffNoticesKeepFor + TimeSpan.FromHours(1)), CancellationToken.None);

        var views = _app.Storage.ContactViews;
        await views.AddEntityAsync(new TableEntity("GJ-PURGE", "1-old") { ["At"] = Now - privacy.ContactViewsKeepFor - TimeSpan.FromDays(1), ["KeyId"] = "k" });
        await views.AddEntityAsync(new TableEntity("GJ-PURGE", "2-young") { ["At"] = Now - TimeSpan.FromDays(400), ["KeyId"] = "k" });

        var sessions = _app.Storage.Table(StaffSessions.TableName);
        await sessions.CreateIfNotExistsAsync();
        await sessions.AddEntityAsync(new TableEntity("purge-ended", "") { ["ExpiresAt"] = Now - TimeSpan.FromDays(2) });
        await sessions.AddEntityAsync(new TableEntity("purge-live", "") { ["ExpiresAt"] = Now + TimeSpan.FromHours(8) });

        var report = await PurgeConsoleRecords.PurgeAsync(_app.Storage, privacy, Now, CancellationToken.None);
        Assert.Equal(new PurgeConsoleRecords.Report(1, 1, 1), report); // this app has its own tables: nothing else matched

        var inbox = _app.Storage.Table(TableNames.StaffNotices);
        var left = await inbox.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"dispatcher.purge-test"}")).ToListAsync();
        Assert.Equal("young-notice", Assert.Single(left, r => !r.RowKey.StartsWith("n-", StringComparison.Ordinal)).GetString("NotificationId"));
        Assert.Equal("n-" + TableKeys.Hash("young-notice"), Assert.Single(left, r => r.RowKey.StartsWith("n-", StringComparison.Ordinal)).RowKey);
        // The young notice is still stored once: its marker stayed.
        Assert.False(await notices.StoreAsync(Notice("young-notice", Now), CancellationToken.None));

        Assert.Equal(["2-young"], (await views.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"GJ-PURGE"}")).ToListAsync()).Select(r => r.RowKey));
        Assert.False((await sessions.GetEntityIfExistsAsync<TableEntity>("purge-ended", "")).HasValue);
        Assert.True((await sessions.GetEntityIfExistsAsync<TableEntity>("purge-live", "")).HasValue);

        Assert.Equal(new PurgeConsoleRecords.Report(0, 0, 0), await PurgeConsoleRecords.PurgeAsync(_app.Storage, privacy, Now, CancellationToken.None));
    }
}
