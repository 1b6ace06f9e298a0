namespace Gongjian.WeChatSim;

/// <summary>The simulated Official Account: what its admin page would hold, and WeChat's limits.</summary>
public sealed record SimulatorSettings
{
    public string AppId { get; init; } = "wxsim0000000000001";
    public string AppSecret { get; init; } = "sim-secret-0123456789abcdef";
    public string Token { get; init; } = "simtoken";
    /// <summary>43 characters: safe mode (encrypted messages); null: plain mode.</summary>
    public string? EncodingAesKey { get; init; } = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    /// <summary>The account's original id (原始ID), the ToUserName of inbound messages.</summary>
    public string OriginalId { get; init; } = "gh_sim000000001";
    /// <summary>How long WeChat waits for the server's answer before retrying (WeChat: 5 s).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>How often WeChat retries a message that got no answer (WeChat: 3).</summary>
    public int Retries { get; init; } = 3;
    /// <summary>The customer-service window after a follower's last message (WeChat: 48 h).</summary>
    public TimeSpan ServiceWindow { get; init; } = TimeSpan.FromHours(48);
    public int Port { get; init; }
}
