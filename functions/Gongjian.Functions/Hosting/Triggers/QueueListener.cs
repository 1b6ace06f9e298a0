using Gongjian.Engine;
using Azure;
using Azure.Storage.Queues;

namespace Gongjian.Functions.Hosting.Triggers;

/// <summary>
/// One queue function's receive loop: fetches up to batchSize messages, runs them concurrently,
/// and fetches the next batch once the number still running has dropped to newBatchThreshold
/// (so at most batchSize + newBatchThreshold run at once). Idle, it polls with exponential back-off, and wakes
/// early when this process expects a message (<see cref="QueueWakeups"/>: a timer it armed, a retry it released).
/// </summary>
public sealed class QueueListener(
    FunctionDeclaration function, QueueClient queue, QueueClient poison, QueueHostOptions options, TimeSpan lease,
    IServiceProvider services, TimeProvider clock, ILogger log, QueueWakeups? wakeups = null)
{
    private readonly string _queueName = ((QueueTrigger)function.Trigger).QueueName;
    private readonly QueueMessageRunner _runner = new(function, queue, poison, options, lease, services, log,
        wakeups is { } w ? delay => w.Expect(((QueueTrigger)function.Trigger).QueueName, clock.GetUtcNow() + delay) : null);
    private readonly PollingBackoff _backoff = new(options.MaxPollingInterval);
    private readonly SemaphoreSlim _finished = new(0);
    private readonly HashSet<Task> _running = [];
    private long _receives;

    public string FunctionName => function.Name;
    /// <summary>Receive calls made so far (for tests and diagnostics: an idle listener makes few).</summary>
    public long Receives => Interlocked.Read(ref _receives);
    /// <summary>The wait after the next empty receive.</summary>
    public TimeSpan CurrentBackoff => _backoff.Current;
    public int InFlight { get { lock (_running) return _running.Count; } }

    private static readonly TimeSpan ReceiveGraceOnStop = TimeSpan.FromSeconds(2);

    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            // No create-if-missing here: `setup` (or infra-bicep) made the queues; a 404 below creates them once.
            while (!stopping.IsCancellationRequested)
            {
                while (InFlight > options.NewBatchThreshold) await _finished.WaitAsync(stopping);
                var received = 0;
                try
                {
                    Interlocked.Increment(ref _receives);
                    // Not cancelled at once: a receive the service carried out but we abandoned would hide its
                    // messages for a whole lease. Messages that arrive after shutdown began are handed back.
                    // Only a receive still retrying ReceiveGraceOnStop after shutdown began (storage gone) is given up.
                    using var receiving = new CancellationTokenSource();
                    using var onStop = stopping.Register(() => receiving.CancelAfter(ReceiveGraceOnStop));
                    var messages = (await queue.ReceiveMessagesAsync(options.BatchSize, lease, receiving.Token)).Value;
                    if (stopping.IsCancellationRequested)
                    {
                        await Task.WhenAll(messages.Select(m => queue.UpdateMessageAsync(m.MessageId, m.PopReceipt, visibilityTimeout: TimeSpan.Zero)));
                        break;
                    }
                    foreach (var message in messages) Start(() => _runner.RunAsync(message, stopping));
                    received = messages.Length;
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    // Never set up, deleted while we ran, or storage came up empty.
                    log.LogInformation("Queue {Queue} does not exist; creating it and {Poison} (`setup` creates them at deploy time)", queue.Name, poison.Name);
                    await EnsureQueuesAsync(stopping);
                }
                catch (Exception e) when (!stopping.IsCancellationRequested && Storage.StorageFaults.IsUnavailable(e))
                {
                    // Storage down or throttling: one line per failed poll, no stack; the polls back off like idle ones.
                    log.LogWarning("Receiving from {Queue} failed ({Error}); backing off", queue.Name, e.GetType().Name);
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    log.LogWarning(e, "Receiving from {Queue} failed; retrying", queue.Name);
                }
                if (received > 0) _backoff.Reset();
                else if (wakeups is null) await Task.Delay(_backoff.Idle(), clock, stopping);
                else await wakeups.WaitAsync(_queueName, _backoff.Idle(), stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
        finally
        {
            // Let the messages in flight finish (or release themselves when their function honours the token).
            Task[] left;
            lock (_running) left = [.. _running];
            await Task.WhenAll(left);
        }
    }

    private void Start(Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
            try { await work(); }
            catch (Exception e) { log.LogError(e, "{Function}: settling a message failed; it reappears when its lease ends", function.Name); }
        });
        lock (_running) _running.Add(task);
        task.ContinueWith(t =>
        {
            lock (_running) _running.Remove(t);
            _finished.Release();
        }, TaskScheduler.Default);
    }

    /// <summary>Creates the queue and its poison queue after a receive found it missing (Bicep and `setup` create them; this is the fallback).</summary>
    private async Task EnsureQueuesAsync(CancellationToken stopping)
    {
        try
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: stopping);
            await poison.CreateIfNotExistsAsync(cancellationToken: stopping);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            // No right to create, or storage not reachable yet: receiving reports and retries with back-off.
            log.LogWarning(e, "Could not create {Queue} / {Poison}", queue.Name, poison.Name);
        }
    }
}
