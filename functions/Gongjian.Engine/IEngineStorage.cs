using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Gongjian.Engine;

/// <summary>The storage the engine works on, by logical name (the app adds its prefix and clients).</summary>
public interface IEngineStorage
{
    TableClient Table(string name);
    QueueClient Queue(string name);
    BlobContainerClient Container(string name);
}
