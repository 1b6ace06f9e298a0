using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Gongjian.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Hosting.Triggers;

/// <summary>
/// The trigger host's own storage clients. Same account, encoding and name prefix as
/// <see cref="StorageClients"/>, plus what only a listener needs: a message that is not valid
/// base64 would make every receive on its queue throw, so it is moved to the poison queue instead.
/// </summary>
public sealed class TriggerStorage
{
    public const string LocksContainer = ContainerNames.Locks;
    private readonly QueueServiceClient _queues;
    private readonly StorageOptions _options;
    private readonly ILogger<TriggerStorage> _log;

    public TriggerStorage(StorageSettings settings, IOptions<StorageOptions> options, ILogger<TriggerStorage> log)
    {
        _options = options.Value;
        _log = log;
        var queueOptions = StorageClientPolicy.Queues(_options.NetworkTimeout);
        queueOptions.MessageDecodingFailed += OnUndecodableAsync;
        BlobServiceClient blobs;
        if (settings.ConnectionString is { } cs)
        {
            _queues = new QueueServiceClient(cs, queueOptions);
            blobs = new BlobServiceClient(cs, StorageClientPolicy.Blobs(_options.NetworkTimeout));
        }
        else
        {
            var credential = settings.CreateCredential();
            _queues = new QueueServiceClient(settings.QueueServiceUri!, credential, queueOptions);
            blobs = new BlobServiceClient(settings.BlobServiceUri!, credential, StorageClientPolicy.Blobs(_options.NetworkTimeout));
        }
        Locks = blobs.GetBlobContainerClient(_options.Container(LocksContainer));
    }

    /// <summary>Blob leases and last-run records of the timers, shared by every instance on the account.</summary>
    public BlobContainerClient Locks { get; }

    /// <summary>A queue by its declared name (the test prefix is applied here).</summary>
    public QueueClient Queue(string name) => _queues.GetQueueClient(_options.Queue(name));

    public QueueClient Poison(string name) => _queues.GetQueueClient(_options.Queue(QueueNames.Poison(name)));

    private async Task OnUndecodableAsync(QueueMessageDecodingFailedEventArgs args)
    {
        if (args.ReceivedMessage is not { } message) return;
        var poison = _queues.GetQueueClient(QueueNames.Poison(args.Queue.Name));
        _log.LogError("Message {Id} on {Queue} is not base64; moving it to {Poison}", message.MessageId, args.Queue.Name, poison.Name);
        await poison.CreateIfNotExistsAsync(cancellationToken: args.CancellationToken);
        // The raw text as it sat in the queue; the poison client base64-encodes it, so reading it back gives it unchanged.
        await poison.SendMessageAsync(message.Body, cancellationToken: args.CancellationToken);
        await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
    }
}
