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
        var queueOptions = StorageClientPolicy.Queues();
        if (settings.ConnectionString is { } cs)
        {
            _tables = new TableServiceClient(cs, StorageClientPolicy.Tables());
            _blobs = new BlobServiceClient(cs, StorageClientPolicy.Blobs());
            _queues = new QueueServiceClient(cs, queueOptions);
        }
        else
        {
            var credential = settings.CreateCredential();
            _tables = new TableServiceClient(settings.TableServiceUri!, credential, StorageClientPolicy.Tables());
            _blobs = new BlobServiceClient(settings.BlobServiceUri!, credential, StorageClientPolicy.Blobs());
            _queues = new QueueServiceClient(settings.QueueServiceUri!, credential, queueOptions);
        }
        Orders = Table(TableNames.Orders);
        OrderIndex = Table(TableNames.OrderIndex);
        Directory = Table(TableNames.Directory);
        Keys = Table(TableNames.Keys);
        Showcases = Table(TableNames.Showcases);
        Idempotency = Table(TableNames.Idempotency);
        Photos = _blobs.GetBlobContainerClient(_options.Container(ContainerNames.Photos));
    }

    public TableClient Orders { get; }
    public TableClient OrderIndex { get; }
    public TableClient Directory { get; }
    public TableClient Keys { get; }
    public TableClient Showcases { get; }
    public TableClient Idempotency { get; }
    public BlobContainerClient Photos { get; }

    public TableClient Table(string name) => _tables.GetTableClient(_options.Table(name));

    public QueueClient Queue(string name) => _queues.GetQueueClient(_options.Queue(name));

    public BlobContainerClient Container(string name) => _blobs.GetBlobContainerClient(_options.Container(name));

    /// <summary>Creates every table, the photos container, the app's queues and their poison queues, plus <paramref name="extraQueues"/>.</summary>
    public async Task CreateIfMissingAsync(IEnumerable<string> extraQueues, CancellationToken ct)
    {
        var queues = Hosting.QueueNames.All.Concat(Hosting.QueueNames.All.Select(Hosting.QueueNames.Poison)).Concat(extraQueues).Distinct();
        var work = TableNames.All.Select(t => (Task)Table(t).CreateIfNotExistsAsync(ct))
            .Append(Photos.CreateIfNotExistsAsync(cancellationToken: ct))
            .Concat(queues.Select(q => (Task)Queue(q).CreateIfNotExistsAsync(cancellationToken: ct)));
        await Task.WhenAll(work);
    }
}
