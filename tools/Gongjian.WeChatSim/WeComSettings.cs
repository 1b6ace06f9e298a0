namespace Gongjian.WeChatSim;

/// <summary>The simulated WeCom corp and self-built app: what its admin console would hold.</summary>
public sealed record WeComSettings
{
    public string CorpId { get; init; } = "wwsim00000000001";
    public string AgentId { get; init; } = "1000002";
    public string Secret { get; init; } = "sim-wecom-secret-0123456789abcdef";
    public string Token { get; init; } = "simwecomtoken";
    /// <summary>WeCom always encrypts callbacks: 43 characters.</summary>
    public string EncodingAesKey { get; init; } = "WeComSimKey0123456789abcdefghijklmnopqrstuv";
    public int Port { get; init; }
}
