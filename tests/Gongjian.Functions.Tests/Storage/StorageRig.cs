using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Engine;
using Gongjian.Functions.Access;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Seed;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Tests.Storage;

/// <summary>
/// The storage classes wired by hand on real Azurite: a fresh prefix with its tables, a store whose
/// relay works, and one whose relay writes to tables that do not exist (a crash after commit, honestly).
/// </summary>
public sealed class StorageRig
{
    public static readonly Actor Resident = new(ActorRole.Resident, "resident");
    public static readonly Actor Dispatcher = new(ActorRole.Dispatcher, "key-dongqili", "东七里社区派单员");
    public static readonly Actor Liaison = new(ActorRole.Liaison, "baosheng-property", "宝盛置业联络员");
    public static readonly MemberUnit Baosheng = DemoData.Units.Single(u => u.Id == "baosheng-property");

    private StorageRig(StorageClients real, StorageClients missing, StorageClients unreachable)
    {
        Real = real;
        var clock = TimeProvider.System;
        var queues = new QueueSender(real, clock);
        var module = new OrderModule(SlaPolicy.Default, Domain.Privacy.RetentionPolicy.Default);
        var codec = new OrderStorage();
        Relay<OrderState, OrderCommand, OrderEvent> RelayTo(StorageClients lists) =>
            new(module, codec, real, new ListWriter(lists.Table(codec.ListTable)), null, queues, clock, NullLogger<Relay<OrderState, OrderCommand, OrderEvent>>.Instance);
        OrderStore StoreWith(Relay<OrderState, OrderCommand, OrderEvent> relay) =>
            new(module, codec, real, relay, clock, NullLogger<OrderStore>.Instance, new Gongjian.Functions.Observability.OrderObserver());
        Outbox = RelayTo(real);
        _module = module;
        _lists = new ListWriter(real.Table(codec.ListTable));
        Store = StoreWith(Outbox);
        CrashingStore = StoreWith(RelayTo(missing));
        CutOffStore = StoreWith(RelayTo(unreachable));
    }

    private readonly OrderModule _module;
    private readonly ListWriter _lists;

    public StorageClients Real { get; }

    /// <summary>The list rows of <paramref name="state"/>, written as a (late) relay would.</summary>
    public Task WriteListsAsync(OrderState state) => _lists.WriteAsync(_module.Lists(state)!, [], [], state.Version, CancellationToken.None);
    /// <summary>The engine's relay of orders (and its outbox sweeper).</summary>
    public Relay<OrderState, OrderCommand, OrderEvent> Outbox { get; }
    public OrderStore Store { get; }
    /// <summary>Commits like the real store, but every relay to the index fails (its tables are missing).</summary>
    public OrderStore CrashingStore { get; }
    /// <summary>Commits like the real store, but the index endpoint refuses connections (a network failure, not an HTTP answer).</summary>
    public OrderStore CutOffStore { get; }

    public static async Task<StorageRig> CreateAsync(AzuriteFixture azurite)
    {
        var settings = new StorageSettings { ConnectionString = azurite.ConnectionString };
        var prefix = "o" + Guid.NewGuid().ToString("N")[..12];
        var real = new StorageClients(settings, Options.Create(new StorageOptions { Prefix = prefix }));
        var missing = new StorageClients(settings, Options.Create(new StorageOptions { Prefix = "x" + prefix }));
        var deadPort = FreePort.Next();
        var cutOff = new StorageSettings { ConnectionString = Regex.Replace(azurite.ConnectionString, @"TableEndpoint=http://127\.0\.0\.1:\d+", $"TableEndpoint=http://127.0.0.1:{deadPort}") };
        var unreachable = new StorageClients(cutOff, Options.Create(new StorageOptions { Prefix = prefix }));
        await real.CreateIfMissingAsync([], CancellationToken.None);
        return new StorageRig(real, missing, unreachable);
    }

    public static PlaceOrder Place(string id) => new()
    {
        By = Resident, OrderId = id, Text = "三楼楼道灯坏了", Category = "repair", CommunityId = "dongqili", StreetId = "caiyuan",
        Address = "宝盛小区3号楼2单元301", Contact = new Contact("李秀英", "13805381234"),
        TrackingCodeHash = OrderAccess.HashTrackingCode("ABCD-EFGH"), Origin = OrderOrigin.Direct,
    };

    public static string NewId() => OrderIds.NewOrderId(DateTimeOffset.UtcNow);

    public static async Task<OrderState> RunAsync(OrderStore store, string id, OrderCommand command)
    {
        var outcome = await store.ExecuteAsync(id, command, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Rejection?.Code);
        return outcome.State;
    }

    /// <summary>The index rows of one order: list (<c>c-dongqili</c>, <c>s-caiyuan</c>, <c>u-baosheng-property</c>) → (Status, Version).</summary>
    public async Task<Dictionary<string, (string? Status, int? Version)>> IndexRowsAsync(string id)
    {
        var rows = new Dictionary<string, (string?, int?)>();
        await foreach (var row in Real.OrderIndex.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"OrderId eq {id}")))
            rows[ListOf(row)] = (row.GetString("Status"), row.GetInt32("Version"));
        return rows;
    }

    /// <summary>
    /// Which list a row of the order index belongs to: an order's lists share the street's partition
    /// (<c>s-caiyuan</c>), each under its own key prefix — <c>c-dongqili|</c>, <c>u-baosheng-property|</c>, and <c>s|</c> for
    /// the street's own list.
    /// </summary>
    public static string ListOf(TableEntity row)
    {
        var bar = row.RowKey.IndexOf('|');
        Assert.True(bar > 0, $"order index row {row.PartitionKey}/{row.RowKey} is not in a list of the street's partition");
        var list = row.RowKey[..bar];
        return list == "s" ? row.PartitionKey : list;
    }

    public async Task<string[]> OutboxRowsAsync(string id)
    {
        var keys = new List<string>();
        await foreach (var row in Real.Orders.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}")))
            if (row.RowKey.StartsWith("outbox-", StringComparison.Ordinal)) keys.Add(row.RowKey);
        return keys.ToArray();
    }
}
