using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Gongjian.Engine;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gongjian.Functions.Tests.Engine.SecondModule;

/// <summary>The wish module wired on the engine by hand, on real Azurite, in tables and queues of its own.</summary>
public sealed class WishRig : IEngineStorage
{
    private readonly string _connection;

    private WishRig(string connection, string prefix, TimeSpan claimWithin)
    {
        _connection = connection;
        Codec = new WishStorage(prefix);
        Module = new WishModule(claimWithin);
        var clock = TimeProvider.System;
        Queues = new QueueSender(this, clock);
        Relay = new Relay<WishState, WishCommand, WishEvent>(Module, Codec, this, new ListWriter(Table(Codec.ListTable)), Notifier, Queues, clock,
            NullLogger<Relay<WishState, WishCommand, WishEvent>>.Instance);
        Store = new EventStore<WishState, WishCommand, WishEvent>(Module, Codec, this, Relay, clock, NullLogger.Instance);
        // Relays whose lists table does not exist: a crash after the commit, honestly.
        var broken = new Relay<WishState, WishCommand, WishEvent>(Module, Codec, this, new ListWriter(Table(Codec.ListTable + "missing")), Notifier, Queues, clock,
            NullLogger<Relay<WishState, WishCommand, WishEvent>>.Instance);
        CrashingStore = new EventStore<WishState, WishCommand, WishEvent>(Module, Codec, this, broken, clock, NullLogger.Instance);
        Timers = new TimerConsumer<WishState, WishCommand, WishEvent>(Store, Notifier, Queues, Codec, clock,
            NullLogger<TimerConsumer<WishState, WishCommand, WishEvent>>.Instance);
    }

    public WishModule Module { get; }
    public WishStorage Codec { get; }
    public QueueSender Queues { get; }
    public Relay<WishState, WishCommand, WishEvent> Relay { get; }
    public EventStore<WishState, WishCommand, WishEvent> Store { get; }
    public EventStore<WishState, WishCommand, WishEvent> CrashingStore { get; }
    public RecordingNotifier Notifier { get; } = new();
    public TimerConsumer<WishState, WishCommand, WishEvent> Timers { get; }

    public static async Task<WishRig> CreateAsync(AzuriteFixture azurite, TimeSpan claimWithin)
    {
        var rig = new WishRig(azurite.ConnectionString, "w" + Guid.NewGuid().ToString("N")[..10], claimWithin);
        await rig.Table(rig.Codec.Table).CreateIfNotExistsAsync();
        await rig.Table(rig.Codec.ListTable).CreateIfNotExistsAsync();
        await rig.Queue(rig.Codec.TimerQueue).CreateIfNotExistsAsync();
        return rig;
    }

    public TableClient Table(string name) => new(_connection, name);
    public QueueClient Queue(string name) => new(_connection, name);
    public BlobContainerClient Container(string name) => new(_connection, name);

    /// <summary>The list rows of a wish: partition → (Status, Version, Removed).</summary>
    public async Task<Dictionary<string, (string? Status, int? Version, bool? Removed)>> ListRowsAsync(string id)
    {
        var rows = new Dictionary<string, (string?, int?, bool?)>();
        await foreach (var row in Table(Codec.ListTable).QueryAsync<TableEntity>(e => e.RowKey.CompareTo("") > 0))
            if (row.RowKey.EndsWith("-" + id, StringComparison.Ordinal))
                rows[row.PartitionKey] = (row.GetString("Status"), row.GetInt32("Version"), row.GetBoolean("Removed"));
        return rows;
    }

    public async Task<List<string>> RowKeysAsync(string id)
    {
        var keys = new List<string>();
        await foreach (var row in Table(Codec.Table).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}")))
            keys.Add(row.RowKey);
        return keys;
    }

    /// <summary>Takes every visible message off a queue (deleting it), as its consumer would.</summary>
    public async Task<List<string>> DrainAsync(string queue)
    {
        var bodies = new List<string>();
        var client = Queue(queue);
        while ((await client.ReceiveMessagesAsync(32)).Value is { Length: > 0 } batch)
            foreach (var m in batch)
            {
                bodies.Add(m.Body.ToString());
                await client.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            }
        return bodies;
    }
}

/// <summary>The wish module's fan-out in a test: what it was told, in order.</summary>
public sealed class RecordingNotifier : INotifier<WishState>
{
    public ConcurrentQueue<(string Type, string? Status, string? UnitId, WishStatus Now)> Told { get; } = new();

    public Task NotifyAsync(EventMessage message, WishState state, CancellationToken ct)
    {
        Told.Enqueue((message.Type, message.Fact("status"), message.Fact("unitId"), state.Status));
        return Task.CompletedTask;
    }

    public Task RemindAsync(TimerMessage timer, WishState state, CancellationToken ct)
    {
        Told.Enqueue(("reminder", null, null, state.Status));
        return Task.CompletedTask;
    }
}
