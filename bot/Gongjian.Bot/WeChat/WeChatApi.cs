using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeChat;

/// <summary>The Official Account API (<see cref="TokenedApi"/>): token problems are 40001, 40014 and 42001.</summary>
public sealed class WeChatApi(IHttpClientFactory http, WeChatAccessTokens tokens, IOptions<WeChatOptions> options, ILogger<WeChatApi> log)
    : TokenedApi(http, tokens, log)
{
    public const string CustomSend = "/cgi-bin/message/custom/send";
    public const string SubscribeSend = "/cgi-bin/message/subscribe/bizsend";

    protected override string BaseUrl => options.Value.ApiBaseUrl;

    protected override bool IsTokenProblem(int code) => code is 40001 or 40014 or 42001;
}
