using System.Text.Json.Nodes;

namespace Gongjian.Functions.Tests.Fuzz;

/// <summary>
/// The well-formed request a route's malformed ones are made from: real path parameters, the
/// credential the route wants and a valid body. Chosen so that even a request whose defect the
/// route ignores changes nothing (commands aim at an erased, cancelled order; a new unit's id is taken),
/// which is what lets the suite demand that the stored data stay byte-for-byte the same.
/// </summary>
public sealed record FuzzTarget(FuzzRoute Route, string Path)
{
    public JsonObject? Json { get; init; }
    /// <summary>Sent as <c>Authorization: Bearer …</c>; null for anonymous routes.</summary>
    public string? Bearer { get; init; }
    /// <summary>True when leaving the credential out is itself a defect (the route refuses anonymous callers).</summary>
    public bool CredentialRequired => Bearer is not null;
    /// <summary>Direct Line routes: forged tokens of its own kind are tried.</summary>
    public bool DirectLine { get; init; }
    /// <summary>The bot's Activity endpoint: forged Connector JWTs are tried.</summary>
    public bool Connector { get; init; }
    /// <summary>The Direct Line upload: the JSON goes in the multipart's <c>activity</c> part.</summary>
    public bool Multipart { get; init; }
    /// <summary>Paths of the body whose content the route does not check (the Activity protocol's channelData).</summary>
    public IReadOnlyList<string> FreeForm { get; init; } = [];
    /// <summary>Bodies this route accepts may be large (base64 photos): the oversized generator goes past the server's own limit.</summary>
    public bool LargeBodies { get; init; }

    public string Method => Route.Method;
    public bool Mutating => Method is not ("GET" or "HEAD" or "OPTIONS");
}
