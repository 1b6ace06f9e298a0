namespace Gongjian.Bot.Http;

/// <summary>
/// Names of the rate-limit policies on the bot's anonymous endpoints. The host app defines the
/// policies (limits and keys); the bot's routes only name them, under /api and at the standalone paths alike.
/// </summary>
public static class DirectLineRateLimits
{
    /// <summary>Token issue (chat page token, tokens/generate, tokens/refresh): per client address.</summary>
    public const string Tokens = "chat-tokens";

    /// <summary>Starting a conversation: per client address.</summary>
    public const string Conversations = "directline-conversations";

    /// <summary>Posting an activity: per conversation.</summary>
    public const string Activities = "directline-activities";

    /// <summary>Uploading files: per conversation.</summary>
    public const string Uploads = "directline-uploads";
}
