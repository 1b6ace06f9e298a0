using System.Security.Cryptography;
using Azure.Data.Tables;

namespace Gongjian.Functions.Storage;

/// <summary>
/// Notes in an order's partition about things that did NOT change it — a late timer, a duplicate
/// or out-of-order message — so the order's history says why they were ignored.
/// </summary>
public sealed class OrderJournal(StorageClients storage, TimeProvider clock)
{
    public const string Prefix = "note-";

    public sealed record Note(DateTimeOffset At, string Code, string Text);

    public Task NoteAsync(string orderId, string code, string text, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        return storage.Orders.AddEntityAsync(new TableEntity(orderId, $"{Prefix}{at.UtcTicks:D19}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}")
        {
            ["Code"] = code, ["Text"] = text, ["At"] = at,
        }, ct);
    }

    public static Note Read(TableEntity row) => new(row.GetDateTimeOffset("At") ?? default, row.GetString("Code") ?? "", row.GetString("Text") ?? "");
}
