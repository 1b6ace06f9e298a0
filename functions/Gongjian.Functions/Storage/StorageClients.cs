using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Storage;

/// <summary>The app's handles on Azure storage: one client per table, queue and container, made once.</summary>
public sealed class StorageClients : Gongjian.Engine.IEngineStorage
{
    private readonly TableServiceClient _tables;
    private readonly BlobServiceClient _blobs;
    private readonly QueueServiceClient _queues;
    private readonly StorageOptions _options;

    public StorageClients(StorageSettings settings, IOptions<StorageOptions> options)
    {
        _options = options.Value;
        var timeout = _options.NetworkTimeout;
        var queueOptions = StorageClientPolicy.Queues(timeout);
        if (settings.ConnectionString is { } cs)
        {
            _tables = new TableServiceClient(cs, StorageClientPolicy.Tables(timeout));
            _blobs = new BlobServiceClient(cs, StorageClientPolicy.Blobs(timeout));
            _queues = new QueueServiceClient(cs, queueOptions);
        }
        else
        {
            var credential = settings.CreateCredential();
            _tables = new TableServiceClient(settings.TableServiceUri!, credential, StorageClientPolicy.Tables(timeout));
            _blobs = new BlobServiceClient(settings.BlobServiceUri!, credential, StorageClientPolicy.Blobs(timeout));
            _queues = new QueueServiceClient(settings.QueueServiceUri!, credential, queueOptions);
        }
        Orders = Table(TableNames.Orders);
        OrderIndex = Table(TableNames.OrderIndex);
        Directory = Table(TableNames.Directory);
        Keys = Table(TableNames.Keys);
        Showcases = Table(TableNames.Showcases);
        Idempotency = Table(TableNames.Idempotency);
        ContactViews = Table(TableNames.ContactViews);
        Photos = _blobs.GetBlobContainerClient(_options.Container(ContainerNames.Photos));
    }

    public TableClient Orders { get; }
    public TableClient OrderIndex { get; }
    public TableClient Directory { get; }
    public TableClient Keys { get; }
    public TableClient Showcases { get; }
    public TableClient Idempotency { get; }
    public TableClient ContactViews { get; }
    public BlobContainerClient Photos { get; }

    public TableClient Table(string name) => _tables.GetTableClient(_options.Table(name));

    public QueueClient Queue(string name) => _queues.GetQueueClient(_options.Queue(name));

    public BlobContainerClient Container(string name) => _blobs.GetBlobContainerClient(_options.Container(name));

    /// <summary>
    /// Creates every table, queue and container of <see cref="StorageResources"/> that is missing, plus
    /// <paramref name="extraQueues"/> (the <c>setup</c> verb; tests). Answers what it created, as "table orders".
    /// </summary>
    public async Task<IReadOnlyList<string>> CreateIfMissingAsync(IEnumerable<string> extraQueues, CancellationToken ct)
    {
        async Task<string?> Created(string what, Task<bool> create) => await create ? what : null;
        var work = StorageResources.Tables.Select(t => Created($"table {t}", CreateTableAsync(t, ct)))
            .Concat(StorageResources.Containers.Select(c => Created($"container {c}", CreateContainerAsync(c, ct))))
            .Concat(StorageResources.Queues.Concat(extraQueues).Distinct().Select(q => Created($"queue {q}", CreateQueueAsync(q, ct))));
        return [.. (await Task.WhenAll(work)).OfType<string>()];
    }

    /// <summary>The resources of <see cref="StorageResources"/> that do not exist (three list requests), as "table orders".</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(CancellationToken ct)
    {
        // Table names are letters and digits, so '~' sorts after every name that starts with the prefix.
        var prefix = _options.Table("");
        var filter = prefix.Length > 0 ? $"TableName ge '{prefix}' and TableName lt '{prefix}~'" : null;
        var tables = _tables.QueryAsync(filter, cancellationToken: ct).Select(t => t.Name).ToHashSetAsync(cancellationToken: ct);
        var queues = _queues.GetQueuesAsync(prefix: _options.Queue(""), cancellationToken: ct).Select(q => q.Name).ToHashSetAsync(cancellationToken: ct);
        var containers = _blobs.GetBlobContainersAsync(prefix: _options.Container(""), cancellationToken: ct).Select(c => c.Name).ToHashSetAsync(cancellationToken: ct);
        var (t, q, c) = (await tables, await queues, await containers);
        return
        [
            .. StorageResources.Tables.Where(n => !t.Contains(_options.Table(n))).Select(n => $"table {n}"),
            .. StorageResources.Queues.Where(n => !q.Contains(_options.Queue(n))).Select(n => $"queue {n}"),
            .. StorageResources.Containers.Where(n => !c.Contains(_options.Container(n))).Select(n => $"container {n}"),
        ];
    }

    // The tables client answers an existing table with its 409 response (and a value), not with null like the others.
    private async Task<bool> CreateTableAsync(string name, CancellationToken ct) => (await Table(name).CreateIfNotExistsAsync(ct)).GetRawResponse().Status != 409;

    private async Task<bool> CreateQueueAsync(string name, CancellationToken ct) => await Queue(name).CreateIfNotExistsAsync(cancellationToken: ct) is not null;

    private async Task<bool> CreateContainerAsync(string name, CancellationToken ct) =>
        (await _blobs.GetBlobContainerClient(_options.Container(name)).CreateIfNotExistsAsync(cancellationToken: ct)) is not null;
}
