using Gongjian.Functions.Access;

namespace Gongjian.Functions.Cli;

/// <summary>
/// <c>keys create --role R [--scope S] --name N</c>, <c>keys revoke --id ID</c>, <c>keys list</c>.
/// The key is printed once; only its hash is stored.
/// </summary>
public static class KeysCommand
{
    public const string Usage = "usage: keys create --role dispatcher|liaison|organizer|admin|open311 [--scope ID] --name NAME | keys revoke --id KEYID | keys list";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct)
    {
        var keys = services.GetRequiredService<StaffKeys>();
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        switch (args.FirstOrDefault())
        {
            // An Open311 client app (api_key) files requests for the residents of one street.
            case "create" when Option("--role") == Open311ClientKeys.Role:
                if (Option("--scope") is not { Length: > 0 } street || Option("--name") is not { Length: > 0 } appName)
                {
                    output.WriteLine("--scope (the street id) and --name (the app) are required for an open311 client key.");
                    return 2;
                }
                var client = await services.GetRequiredService<Open311ClientKeys>().CreateAsync(street, appName, ct);
                output.WriteLine($"Created key {client.Client.KeyId} for open311 {street}:");
                output.WriteLine(client.Key);
                return 0;
            case "create":
                if (!Caller.TryParseStaffRole(Option("--role"), out var role) || Option("--name") is not { Length: > 0 } name)
                    break;
                var scope = Option("--scope") ?? "";
                if (role != Domain.Orders.ActorRole.Admin && scope.Length == 0)
                {
                    output.WriteLine("--scope is required for every role but admin (community, unit, street or grid id).");
                    return 2;
                }
                var created = await keys.CreateAsync(role, scope, name, ct);
                output.WriteLine($"Created key {created.Caller.KeyId} for {Caller.RoleCode(role)} {scope}:");
                output.WriteLine(created.Key);
                return 0;
            case "revoke" when Option("--id") is { } id:
                var revoked = await keys.RevokeAsync(id, ct);
                output.WriteLine(revoked ? $"Revoked key {id}." : $"No key with id {id}.");
                return revoked ? 0 : 1;
            case "list":
                foreach (var (c, isRevoked) in await keys.ListAsync(ct))
                    output.WriteLine($"{c.KeyId}  {Caller.RoleCode(c.Role),-10} {c.Scope,-22} {c.Name}{(isRevoked ? "  (revoked)" : "")}");
                foreach (var (c, isRevoked) in await services.GetRequiredService<Open311ClientKeys>().ListAsync(ct))
                    output.WriteLine($"{c.KeyId}  {Open311ClientKeys.Role,-10} {c.StreetId,-22} {c.Name}{(isRevoked ? "  (revoked)" : "")}");
                return 0;
        }
        output.WriteLine(Usage);
        return 2;
    }
}
