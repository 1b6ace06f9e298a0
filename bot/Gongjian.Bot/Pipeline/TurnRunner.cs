using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations;
using Gongjian.Bot.Storage;
using Microsoft.Extensions.Logging;

namespace Gongjian.Bot.Pipeline;

/// <summary>
/// Runs one turn: load the conversation (with its ETag), let the bot answer, save, send. A turn
/// that takes more than a second shows "typing" first. Any error is logged, the resident gets an
/// apology in Chinese and the dialog starts over — what the conversation knows (orders, binding) is kept.
/// </summary>
public sealed class TurnRunner(GongjianBot bot, ConversationStore store, ActivitySender sender, ILogger<TurnRunner> log)
{
    private static readonly TimeSpan TypingAfter = TimeSpan.FromSeconds(1);

    public async Task RunAsync(Activity activity, CancellationToken ct)
    {
        var reference = ConversationReference.From(activity);
        var turnTask = TakeTurnAsync(activity, reference, ct);
        if (await Task.WhenAny(turnTask, Task.Delay(TypingAfter, ct)) != turnTask)
        {
            try { await sender.SendTypingAsync(reference, activity.Id, ct); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogInformation(e, "Typing indicator not sent"); }
        }
        var (replies, _) = await turnTask;
        await sender.SendAsync(reference, replies, activity.Id, ct);
    }

    /// <summary>Changes a conversation's state outside a user turn (a proactive message), with the same concurrency rules.</summary>
    public async Task<IReadOnlyList<Reply>> UpdateAsync(ConversationReference reference, Func<ConversationData, TurnResult> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await store.LoadAsync(reference.Key, ct);
            var result = change(loaded.Data with { Reference = loaded.Data.Reference ?? reference });
            try
            {
                await store.SaveAsync(loaded, result.Data, ct);
                return result.Replies;
            }
            catch (ConversationConflictException) when (attempt < 5) { }
        }
    }

    private async Task<(IReadOnlyList<Reply> Replies, ConversationData Data)> TakeTurnAsync(Activity activity, ConversationReference reference, CancellationToken ct)
    {
        var loaded = await store.LoadAsync(reference.Key, ct);
        var data = loaded.Data with { Reference = reference };
        TurnResult result;
        try
        {
            result = await bot.OnTurnAsync(new Turn(activity, reference, data), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(e, "Turn failed in conversation {Conversation}; apologising and starting over", ConversationStore.PartitionOf(reference.Key));
            result = TurnResult.Say(data with { Step = Idle.Instance }, new Reply(Texts.Apology, data.Unit is null ? Texts.Menu : Texts.LiaisonMenu));
        }
        try
        {
            await store.SaveAsync(loaded, result.Data, ct);
            return (result.Replies, result.Data);
        }
        catch (ConversationConflictException)
        {
            log.LogWarning("Conversation {Conversation} was saved by another turn; this turn's state is dropped", ConversationStore.PartitionOf(reference.Key));
            return ([Texts.Conflict], data);
        }
    }
}
