using Gongjian.Bench;

namespace Gongjian.Bench.Tests;

/// <summary>How a storage request line is named in the report's "storage requests per cycle" table.</summary>
public sealed class StorageRequestKindTests
{
    [Theory]
    [InlineData("table", "GET", "/devstoreaccount1/bx12orders(PartitionKey='dongqili',RowKey='o1')", "table point-read orders")]
    [InlineData("table", "GET", "/devstoreaccount1/bx12orderindex()?$filter=PartitionKey%20eq%20'dongqili'", "table query orderindex")]
    [InlineData("table", "MERGE", "/devstoreaccount1/bx12orderindex(PartitionKey='a',RowKey='b')", "table update orderindex")]
    [InlineData("table", "POST", "/devstoreaccount1/$batch", "table batch")]
    [InlineData("table", "POST", "/devstoreaccount1/Tables", "table create-table")]
    [InlineData("queue", "GET", "/devstoreaccount1/bx12order-timers/messages?numofmessages=16", "queue receive order-timers")]
    [InlineData("queue", "GET", "/devstoreaccount1/bx12order-timers/messages?peekonly=true", "queue peek order-timers")]
    [InlineData("queue", "DELETE", "/devstoreaccount1/bx12notifications/messages", "queue clear notifications")]
    [InlineData("blob", "PUT", "/devstoreaccount1/bx12photos/o1/after-1.png", "blob put photos")]
    [InlineData("blob", "PUT", "/devstoreaccount1/bx12locks/digest?comp=lease", "blob lease locks")]
    public void Names_the_service_operation_and_resource_without_the_phase_prefix(string service, string method, string target, string kind) =>
        Assert.Equal(kind, StorageRequestKind.Of(service, method, target, "bx12"));

    [Theory]
    [InlineData("--batch_1\r\nContent-Type: multipart/mixed; boundary=changeset_1\r\n\r\n--changeset_1\r\nContent-Type: application/http\r\n\r\nPOST http://127.0.0.1:10002/devstoreaccount1/bx12orders HTTP/1.1\r\n", "table batch orders")]
    [InlineData("--changeset_1\r\n\r\nPUT http://127.0.0.1:10002/devstoreaccount1/bx12staffnotices(PartitionKey='d',RowKey='n%271') HTTP/1.1\r\n", "table batch staffnotices")]
    [InlineData("--batch_1\r\n(cut before the first request)", "table batch")]
    public void A_batch_is_named_by_the_table_of_its_first_request(string bodyStart, string kind) =>
        Assert.Equal(kind, StorageRequestKind.OfBatch(System.Text.Encoding.UTF8.GetBytes(bodyStart), "bx12"));
}
