using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.People;

/// <summary>A team people of a community join: a standing one (<see cref="PersonTeams.Kinds"/>) or one its staff set up.</summary>
public sealed record CommunityTeam(string Id, string Name, bool Standing, string? Purpose, bool Retired, string? CreatedBy, DateTimeOffset? CreatedAt);

/// <summary>
/// The teams of a community: the six standing kinds every community has, plus the teams its staff set up (table
/// <c>teams</c>, partition the community, row key the team id). A set-up team's id comes from its name
/// (<c>t</c> + 10 hex of its SHA-256), so two staff setting up the same name at once store one team and the second is
/// told it exists. A retired team keeps its members' records but takes no one new.
/// </summary>
public sealed class CommunityTeams(StorageClients storage)
{
    private readonly TableClient _table = storage.Table(TableNames.Teams);

    public async Task<IReadOnlyList<CommunityTeam>> ListAsync(string communityId, CancellationToken ct)
    {
        var list = PersonTeams.Kinds.Select(k => Standing(k.Id, k.Name)).ToList();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {communityId}"), cancellationToken: ct))
            list.Add(Of(row));
        return list;
    }

    public async Task<CommunityTeam?> FindAsync(string communityId, string teamId, CancellationToken ct)
    {
        if (PersonTeams.NameOf(teamId) is { } standing) return Standing(teamId, standing);
        return IsWellFormedId(teamId) && await _table.GetEntityIfExistsAsync<TableEntity>(communityId, teamId, cancellationToken: ct) is { HasValue: true } found
            ? Of(found.Value!) : null;
    }

    /// <summary>Stores a new team under the id its name gives; null when a team of that name is already there.</summary>
    public async Task<CommunityTeam?> AddAsync(string communityId, string name, string? purpose, string by, DateTimeOffset at, CancellationToken ct)
    {
        if (PersonTeams.Kinds.Any(k => k.Name == name)) return null;
        var team = new CommunityTeam(IdOf(name), name, false, purpose, false, by, at);
        try
        {
            await _table.AddEntityAsync(new TableEntity(communityId, team.Id)
            {
                ["Name"] = name, ["Purpose"] = purpose, ["Retired"] = false, ["CreatedBy"] = by, ["CreatedAt"] = at,
            }, ct);
            return team;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    /// <summary>Marks a set-up team retired (again is the same); null when there is no such set-up team.</summary>
    public async Task<CommunityTeam?> RetireAsync(string communityId, string teamId, CancellationToken ct)
    {
        if (!IsWellFormedId(teamId) || await _table.GetEntityIfExistsAsync<TableEntity>(communityId, teamId, cancellationToken: ct) is not { HasValue: true } found)
            return null;
        var row = found.Value!;
        if (row.GetBoolean("Retired") != true)
            await _table.UpdateEntityAsync(new TableEntity(communityId, teamId) { ["Retired"] = true }, ETag.All, TableUpdateMode.Merge, ct);
        return Of(row) with { Retired = true };
    }

    private static CommunityTeam Standing(string id, string name) => new(id, name, true, null, false, null, null);

    private static CommunityTeam Of(TableEntity row) => new(row.RowKey, row.GetString("Name") ?? row.RowKey, false, row.GetString("Purpose"),
        row.GetBoolean("Retired") == true, row.GetString("CreatedBy"), row.GetDateTimeOffset("CreatedAt"));

    private static string IdOf(string name) => "t" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..10];

    private static bool IsWellFormedId(string id) => id.Length == 11 && id[0] == 't' && id.Skip(1).All(char.IsAsciiHexDigitLower);
}
