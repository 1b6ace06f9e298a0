using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Http;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Showcases;

/// <summary>
/// Published showcases (table <c>showcases</c>, PartitionKey = RowKey = id). Few and read often.
/// Besides the public view, a row keeps (never sent out) where its photos come from, which orders it
/// names, who published it, and whether those orders were all marked yet (<c>Marked</c>).
/// </summary>
public sealed class ShowcaseStore(StorageClients storage)
{
    private readonly TableClient _table = storage.Showcases;

    /// <summary>Adds the showcase; false when a showcase with this id is already there.</summary>
    public async Task<bool> TryAddAsync(ShowcaseView view, IReadOnlyList<ShowcasePhotoSource> photos, IReadOnlyList<string> orderIds, Actor by, CancellationToken ct)
    {
        try
        {
            await _table.AddEntityAsync(Row(view, photos, orderIds, by), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private static TableEntity Row(ShowcaseView view, IReadOnlyList<ShowcasePhotoSource> photos, IReadOnlyList<string> orderIds, Actor by) =>
        new(view.Id, view.Id)
        {
            ["StreetId"] = view.StreetId,
            ["PublishedAt"] = view.PublishedAt,
            ["View"] = JsonSerializer.Serialize(view, ShowcaseRowJson.Default.ShowcaseView),
            ["Photos"] = JsonSerializer.Serialize(photos, ShowcaseRowJson.Default.IReadOnlyListShowcasePhotoSource),
            ["OrderIds"] = string.Join(',', orderIds),
            ["ByRole"] = by.Role.ToString(), ["ById"] = by.Id, ["ByName"] = by.Name,
            ["Marked"] = false,
        };

    public Task SetMarkedAsync(string id, CancellationToken ct) =>
        _table.UpdateEntityAsync(new TableEntity(id, id) { ["Marked"] = true }, ETag.All, TableUpdateMode.Merge, ct);

    public sealed record Unmarked(string Id, IReadOnlyList<string> OrderIds, Actor By);

    /// <summary>Showcases published before <paramref name="before"/> whose orders were not all marked (a crash mid-way).</summary>
    public async Task<IReadOnlyList<Unmarked>> UnmarkedAsync(DateTimeOffset before, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"Marked eq false and PublishedAt lt {before}");
        var found = new List<Unmarked>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "OrderIds", "ByRole", "ById", "ByName"], cancellationToken: ct))
            found.Add(new Unmarked(row.PartitionKey, row.GetString("OrderIds").Split(',', StringSplitOptions.RemoveEmptyEntries),
                new Actor(Enum.Parse<ActorRole>(row.GetString("ByRole")), row.GetString("ById"), row.GetString("ByName"))));
        return found;
    }

    /// <summary>The showcase, withdrawn or not (<c>WithdrawnAt</c>): public readers must check it.</summary>
    public async Task<(ShowcaseView View, IReadOnlyList<ShowcasePhotoSource> Photos, DateTimeOffset? WithdrawnAt)?> GetAsync(string id, CancellationToken ct)
    {
        if (!IsWellFormed(id)) return null;
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(id, id, cancellationToken: ct);
        if (!row.HasValue) return null;
        return (JsonSerializer.Deserialize(row.Value!.GetString("View"), ShowcaseRowJson.Default.ShowcaseView)!,
            JsonSerializer.Deserialize(row.Value.GetString("Photos"), ShowcaseRowJson.Default.IReadOnlyListShowcasePhotoSource)!,
            row.Value.GetDateTimeOffset("WithdrawnAt"));
    }

    /// <summary>The published showcases (withdrawn ones left out), newest first.</summary>
    public async Task<IReadOnlyList<ShowcaseView>> ListAsync(string? streetId, CancellationToken ct)
    {
        var filter = streetId is null ? null : TableClient.CreateQueryFilter($"StreetId eq {streetId}");
        var views = new List<ShowcaseView>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["View", "WithdrawnAt"], cancellationToken: ct))
            if (row.GetDateTimeOffset("WithdrawnAt") is null)
                views.Add(JsonSerializer.Deserialize(row.GetString("View"), ShowcaseRowJson.Default.ShowcaseView)!);
        return views.OrderByDescending(v => v.PublishedAt).ToList();
    }

    public enum Withdrawal { Withdrawn, AlreadyWithdrawn, NotFound, Changed }

    /// <summary>Marks the showcase withdrawn, under the ETag it was read with (two organizers at once: one wins, the other is told).</summary>
    public async Task<Withdrawal> WithdrawAsync(string id, Actor by, DateTimeOffset at, CancellationToken ct)
    {
        if (!IsWellFormed(id)) return Withdrawal.NotFound;
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(id, id, select: ["WithdrawnAt"], cancellationToken: ct);
        if (!row.HasValue) return Withdrawal.NotFound;
        if (row.Value!.GetDateTimeOffset("WithdrawnAt") is not null) return Withdrawal.AlreadyWithdrawn;
        try
        {
            await _table.UpdateEntityAsync(new TableEntity(id, id)
            {
                ["WithdrawnAt"] = at, ["WithdrawnByRole"] = by.Role.ToString(), ["WithdrawnById"] = by.Id, ["WithdrawnByName"] = by.Name,
            }, row.Value.ETag, TableUpdateMode.Merge, ct);
            return Withdrawal.Withdrawn;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return Withdrawal.Changed;
        }
    }

    public static bool IsWellFormed(string id) => id.Length is > 2 and <= 32 && id.StartsWith("SC", StringComparison.Ordinal)
        && id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');
}
