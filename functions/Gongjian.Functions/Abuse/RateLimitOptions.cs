namespace Gongjian.Functions.Abuse;

/// <summary>
/// Abuse limits from configuration (section <c>RateLimits</c>), e.g. <c>RateLimits__Orders__PermitLimit=100</c>,
/// <c>RateLimits__Orders__Window=00:10:00</c>, <c>RateLimits__TrustedProxies=127.0.0.1,::1</c>.
/// Per-address budgets are generous on purpose: a whole estate's residents may share one public
/// Wi-Fi (one NAT address), and refusing an elderly resident's only wish is worse than a few spam orders
/// a dispatcher rejects. The edge (Front Door WAF, see docs/DEPLOY.md) takes the floods.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Off only for load tests and benchmarks that drive the app from one address.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Immediate peers (addresses or CIDR networks, comma-separated) whose <see cref="ForwardedHeader"/>
    /// names the client. Empty: the header is ignored and the connection's address is the client —
    /// anyone can write an X-Forwarded-For, so it is believed only from a proxy we run.
    /// </summary>
    public string TrustedProxies { get; set; } = "";

    /// <summary>The header a trusted proxy writes the client's address to (<c>X-Forwarded-For</c>; behind Front Door <c>X-Azure-ClientIP</c>).</summary>
    public string ForwardedHeader { get; set; } = "X-Forwarded-For";

    /// <summary>How many entries of the header, from the right, are read (one per trusted proxy on the way).</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>All limited requests of one anonymous client address together, whatever the endpoint.</summary>
    public RateLimitRule Address { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Anonymous creations, per client address, all together: <c>POST /api/orders</c>, wishes, activity
    /// registrations, bookings, 双报到 registrations and public deliberation topics.
    /// </summary>
    public RateLimitRule Orders { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(10) };

    /// <summary>
    /// Anonymous requests with a code or phone on an existing thing (confirm / reopen / cancel / erase with
    /// <c>X-Tracking-Code</c>, a booking or person looked up by code, cancelling an activity registration or a
    /// booking with its code, opinions, votes and ratings): per tracking code, or per address when the code is in the body.
    /// </summary>
    public RateLimitRule ResidentCommands { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Direct Line tokens (<c>POST /api/chat/token</c>, <c>tokens/generate</c>, <c>tokens/refresh</c>), per client address.</summary>
    public RateLimitRule ChatTokens { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>POST /v3/directline/conversations</c>, per client address.</summary>
    public RateLimitRule Conversations { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>POST …/conversations/{id}/activities</c>, per conversation.</summary>
    public RateLimitRule Activities { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>POST …/conversations/{id}/upload</c> (up to 9 photos each), per conversation.</summary>
    public RateLimitRule Uploads { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Every limited endpoint called with a staff key, per key (a dispatcher placing orders taken by phone, a liaison's day of completions).</summary>
    public RateLimitRule Staff { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    public IEnumerable<string> Problems()
    {
        foreach (var (name, rule) in Rules())
        {
            if (rule.PermitLimit < 1) yield return $"{Section}:{name}:PermitLimit must be at least 1.";
            if (rule.Window <= TimeSpan.Zero) yield return $"{Section}:{name}:Window must be positive.";
        }
        if (ForwardLimit < 1) yield return $"{Section}:ForwardLimit must be at least 1.";
        if (string.IsNullOrWhiteSpace(ForwardedHeader)) yield return $"{Section}:ForwardedHeader must name a header.";
        foreach (var entry in TrustedProxyEntries())
            if (!System.Net.IPNetwork.TryParse(entry, out _) && !System.Net.IPAddress.TryParse(entry, out _))
                yield return $"{Section}:TrustedProxies: '{entry}' is neither an address nor a CIDR network.";
    }

    public IEnumerable<string> TrustedProxyEntries() =>
        TrustedProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private IEnumerable<(string, RateLimitRule)> Rules() =>
    [
        (nameof(Address), Address), (nameof(Orders), Orders), (nameof(ResidentCommands), ResidentCommands),
        (nameof(ChatTokens), ChatTokens), (nameof(Conversations), Conversations), (nameof(Activities), Activities),
        (nameof(Uploads), Uploads), (nameof(Staff), Staff),
    ];
}

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="Window"/>, counted from the first request of the window.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }
}
