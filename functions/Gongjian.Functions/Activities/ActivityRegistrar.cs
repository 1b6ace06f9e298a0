using Azure.Data.Tables;
using Gongjian.Domain.Activities;
using Gongjian.Engine;

namespace Gongjian.Functions.Activities;

/// <summary>
/// Runs a registration (or its cancellation) on an activity's stream. A popular activity draws many registrations at
/// the same moment, all on the one partition that keeps the capacity exact: past the engine's own retries, this
/// waits a short random while and decides again, so every person gets a place or a waiting-list position, never an error.
/// The command's <c>messageId</c> makes a retry of one already carried out answer its first result.
/// </summary>
public sealed class ActivityRegistrar(ActivityStore store)
{
    private const int Rounds = 12;

    public async Task<Outcome<ActivityState, ActivityEvent>> RunAsync(string activityId, ActivityCommand command, string messageId, CancellationToken ct)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                return await store.ExecuteAsync(activityId, command, ct, messageId: messageId);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && round < Rounds)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40 * round)), ct);
            }
        }
    }
}
