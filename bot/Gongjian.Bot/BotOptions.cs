namespace Gongjian.Bot;

/// <summary>
/// Configuration section <c>Bot</c>. In Azure (infra-bicep) <c>Bot__AppId</c> is the user-assigned
/// identity's client id, <c>Bot__TenantId</c> the tenant and <c>Bot__AppType=UserAssignedMSI</c>.
/// </summary>
public sealed class BotOptions
{
    /// <summary>
    /// The Azure cloud of the Bot Connector: <c>AzureCloud</c> (default) or <c>AzureChinaCloud</c> (Azure operated by
    /// 21Vianet). The app sets it from <c>Azure:Cloud</c>; see <see cref="Auth.ConnectorCloud"/>.
    /// </summary>
    public string Cloud { get; set; } = Auth.ConnectorCloud.PublicName;

    public Auth.ConnectorCloud Connector => Auth.ConnectorCloud.Named(Cloud);

    /// <summary>The bot's Microsoft app id: the audience of inbound tokens and the client of outbound ones.</summary>
    public string? AppId { get; set; }
    public string? TenantId { get; set; }
    /// <summary><c>MultiTenant</c>, <c>SingleTenant</c> (client secret <see cref="AppPassword"/>) or <c>UserAssignedMSI</c>.</summary>
    public string AppType { get; set; } = "MultiTenant";
    public string? AppPassword { get; set; }
    /// <summary>
    /// Accept unauthenticated activities on /api/messages, for local tools (Bot Framework Emulator).
    /// Off by default, and ignored whenever <see cref="AppId"/> is set.
    /// </summary>
    public bool AllowAnonymous { get; set; }
    /// <summary>Overrides the cloud's OpenID metadata (a local test server); null uses <see cref="Connector"/>'s.</summary>
    public string? OpenIdMetadataUrl { get; set; }

    public string MetadataUrl => OpenIdMetadataUrl ?? Connector.OpenIdMetadataUrl;
    /// <summary>The name the bot shows in chats.</summary>
    public string Name { get; set; } = "共建小助手";
    public int MaxTextLength { get; set; } = 2000;
    /// <summary>How long understanding may take before the bot falls back to asking (the channel is answered at once anyway).</summary>
    public TimeSpan UnderstandingTimeout { get; set; } = TimeSpan.FromSeconds(8);
    /// <summary>Turns waiting per worker; beyond it /api/messages answers 503 and the channel retries.</summary>
    public int TurnQueueCapacity { get; set; } = 128;
    public int TurnWorkers { get; set; } = 4;
    public TimeSpan BindingCodeLifetime { get; set; } = TimeSpan.FromHours(24);
    public DirectLineOptions DirectLine { get; set; } = new();
    public RetentionOptions Retention { get; set; } = new();
    /// <summary>Outgoing group-robot webhooks (WeCom / DingTalk markdown), by unit id.</summary>
    public Dictionary<string, string> UnitWebhooks { get; set; } = new(StringComparer.Ordinal);
    /// <summary>A community's staff group robot, by community id: its dispatchers' notices (新工单, 拒单, 催办…) also go there.</summary>
    public Dictionary<string, string> CommunityWebhooks { get; set; } = new(StringComparer.Ordinal);
    /// <summary>A street's staff group robot, by street id: its organizers' notices (督办, 超时汇总) also go there.</summary>
    public Dictionary<string, string> StreetWebhooks { get; set; } = new(StringComparer.Ordinal);
}

public sealed class DirectLineOptions
{
    /// <summary>The secret a website backend uses for <c>tokens/generate</c>; also the key tokens are signed with.</summary>
    public string? Secret { get; set; }
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Origins allowed to call Direct Line from a browser; <c>*</c> by default (calls carry a bearer token, no cookies).</summary>
    public string AllowedOrigins { get; set; } = "*";
}

/// <summary>How long chat data is kept (PIPL: no longer than needed). See <c>Storage/ChatRetention</c>.</summary>
public sealed class RetentionOptions
{
    /// <summary>Transcripts, conversation state and delivery records untouched for longer than this many days are deleted.</summary>
    public int Days { get; set; } = 30;
}
