using System.Threading.Channels;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.Pipeline;

/// <summary>
/// Turns waiting to be taken, so a channel is answered at once (200) however long understanding
/// takes. Bounded: when full, the caller refuses (503) and the channel retries. A conversation
/// always goes to the same worker, so its messages are handled one at a time and in order.
/// </summary>
public sealed class TurnQueue : BackgroundService
{
    private readonly Channel<Activity>[] _lanes;
    private readonly TurnRunner _runner;
    private readonly ActivitySender _sender;
    private readonly ILogger<TurnQueue> _log;

    public TurnQueue(IOptions<BotOptions> options, TurnRunner runner, ActivitySender sender, ILogger<TurnQueue> log)
    {
        var o = options.Value;
        _lanes = [.. Enumerable.Range(0, Math.Max(1, o.TurnWorkers)).Select(_ => Channel.CreateBounded<Activity>(
            new BoundedChannelOptions(Math.Max(1, o.TurnQueueCapacity)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))];
        _runner = runner;
        _sender = sender;
        _log = log;
    }

    /// <summary>False when this conversation's lane is full.</summary>
    public bool TryEnqueue(Activity activity) => Lane(ConversationReference.From(activity).Key).Writer.TryWrite(activity);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_lanes.Select(lane => Task.Run(() => DrainAsync(lane.Reader, stoppingToken), stoppingToken)));

    private async Task DrainAsync(ChannelReader<Activity> reader, CancellationToken ct)
    {
        try
        {
            await foreach (var activity in reader.ReadAllAsync(ct))
            {
                try
                {
                    await _runner.RunAsync(activity, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    _log.LogError(e, "Turn could not be completed for {ChannelId}", activity.ChannelId);
                    await ApologiseAsync(activity, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    private async Task ApologiseAsync(Activity activity, CancellationToken ct)
    {
        try
        {
            await _sender.SendAsync(ConversationReference.From(activity), [new Reply(Texts.Apology, Texts.Menu)], activity.Id, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            _log.LogError(e, "Apology could not be sent either");
        }
    }

    private Channel<Activity> Lane(string conversationKey) =>
        _lanes[(int)((uint)StableHash(conversationKey) % (uint)_lanes.Length)];

    private static int StableHash(string key) => BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)), 0);
}
