namespace Gongjian.Bot.WeChat;

/// <summary>The WeChat API could not be reached or answered an error code that is worth retrying later (the message is not lost: the caller's retry sends it).</summary>
public sealed class WeChatApiException(string api, int? errCode, Exception? inner = null)
    : Exception(errCode is { } c ? $"WeChat API {api} answered errcode {c}." : $"WeChat API {api} could not be reached.", inner)
{
    public int? ErrCode { get; } = errCode;
}
