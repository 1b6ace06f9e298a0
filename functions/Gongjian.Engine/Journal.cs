using System.Security.Cryptography;
using Azure.Data.Tables;

namespace Gongjian.Engine;

/// <summary>
/// Notes in an instance's partition about things that did NOT change it — a late timer, a duplicate
/// or out-of-order request — so its history says why they were ignored.
/// </summary>
public static class Journal
{
    public static Task NoteAsync(TableClient table, string id, string code, string text, DateTimeOffset at, CancellationToken ct) =>
        table.AddEntityAsync(new TableEntity(id, $"{StreamRows.NotePrefix}{at.UtcTicks:D19}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}")
        {
            ["Code"] = code, ["Text"] = text, ["At"] = at,
        }, ct);

    public static JournalNote Read(TableEntity row) => new(row.GetDateTimeOffset("At") ?? default, row.GetString("Code") ?? "", row.GetString("Text") ?? "");
}
