using Gongjian.Bot.Storage;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Photos;

namespace Gongjian.Functions.BotDesk;

/// <summary>
/// Timer function, daily at 03:00 Beijing time: deletes chat data untouched for longer than
/// <c>Bot:Retention:Days</c> (default 30) — transcripts, conversation state, delivery records and
/// old binding codes (<see cref="ChatRetention"/>) — and photos staged for wishes never submitted.
/// </summary>
public static class PurgeChatHistoryFunction
{
    public static readonly TimerTrigger Trigger = new("0 0 19 * * *");

    public static Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct) =>
        PurgeAsync(services, services.GetRequiredService<TimeProvider>(), ct);

    /// <summary>One run as of <paramref name="clock"/>'s now (tests pass a moved clock).</summary>
    public static async Task<(RetentionReport Chat, int StagedPhotos)> PurgeAsync(IServiceProvider services, TimeProvider clock, CancellationToken ct)
    {
        var retention = ActivatorUtilities.CreateInstance<ChatRetention>(services, clock);
        var report = await retention.RunAsync(ct);
        var photos = await services.GetRequiredService<PhotoStaging>().PurgeAsync(retention.Cutoff, ct);
        if (photos > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PurgeChatHistoryFunction)).LogInformation("Deleted {Count} staged photos of wishes never submitted", photos);
        // WeChat residents' openids (issue 15): kept no longer than the rest of the chat.
        await ActivatorUtilities.CreateInstance<Gongjian.Bot.WeChat.WeChatRetention>(services, clock).RunAsync(ct);
        return (report, photos);
    }
}
