using Gongjian.Understanding.OpenAi;
using Microsoft.Extensions.Logging;

namespace Gongjian.Understanding;

/// <summary>Picks the path from configuration: the model when it is configured, the offline reader otherwise.</summary>
public static class WishUnderstandingFactory
{
    public static IWishUnderstanding Create(OpenAiUnderstandingOptions? options, ILoggerFactory? loggers = null)
    {
        // Train the offline classifier at startup: it is the fallback, and the first resident should not pay for it.
        OfflineWishUnderstanding.Warm();
        return options is { IsConfigured: true }
            ? new OpenAiWishUnderstanding(options, new OfflineWishUnderstanding(), loggers?.CreateLogger<OpenAiWishUnderstanding>())
            : new OfflineWishUnderstanding();
    }
}
