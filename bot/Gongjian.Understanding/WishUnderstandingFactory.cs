using Gongjian.Understanding.OpenAi;
using Microsoft.Extensions.Logging;

namespace Gongjian.Understanding;

/// <summary>Picks the path from configuration: the model when it is configured, the offline reader otherwise.</summary>
public static class WishUnderstandingFactory
{
    public static IWishUnderstanding Create(OpenAiUnderstandingOptions? options, ILoggerFactory? loggers = null)
    {
        // The offline classifier is not trained here (that is ~0.1–1 s on the start path): the host calls
        // OfflineWishUnderstanding.Warm() once it serves, so the first resident still does not pay for it.
        return options is { IsConfigured: true }
            ? new OpenAiWishUnderstanding(options, new OfflineWishUnderstanding(), loggers?.CreateLogger<OpenAiWishUnderstanding>())
            : new OfflineWishUnderstanding();
    }
}
