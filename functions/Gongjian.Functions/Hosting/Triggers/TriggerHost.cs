using Gongjian.Engine;

namespace Gongjian.Functions.Hosting.Triggers;

/// <summary>
/// Standalone hosting of the queue and timer functions: one <see cref="QueueListener"/> per queue
/// function and one <see cref="TimerRunner"/> per timer function, built at start-up from the
/// declarations (so a bad host.json or schedule stops the app from starting, with its reason).
/// </summary>
public sealed class TriggerHost(
    FunctionCatalog catalog, TriggerStorage storage, TriggerSettings settings, IHostEnvironment environment,
    IServiceProvider services, TimeProvider clock, ILoggerFactory logs, IHostApplicationLifetime lifetime, QueueWakeups wakeups) : BackgroundService
{
    private readonly ILogger _log = logs.CreateLogger<TriggerHost>();

    public HostJsonOptions? HostJson { get; private set; }
    public IReadOnlyList<QueueListener> Listeners { get; private set; } = [];
    public IReadOnlyList<TimerRunner> Timers { get; private set; } = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var hostJson = HostJsonOptions.Load(settings.HostJsonPath, environment.ContentRootPath);
        var queues = hostJson.Queues;
        var timerLock = new TimerLock(storage.Locks, logs.CreateLogger<TimerLock>());
        Listeners = catalog.All.Where(f => f.Trigger is QueueTrigger && f.Run is not null)
            .Select(f => new QueueListener(f, storage.Queue(((QueueTrigger)f.Trigger).QueueName), storage.Poison(((QueueTrigger)f.Trigger).QueueName),
                queues, settings.MessageLease, services, clock, logs.CreateLogger($"Gongjian.Functions.Queue.{f.Name}"), wakeups))
            .ToList();
        Timers = catalog.All.Where(f => f.Trigger is TimerTrigger && f.Run is not null)
            .Select(f => (Function: f, Trigger: (TimerTrigger)f.Trigger))
            .Select(t => new TimerRunner(t.Function, TimerSchedule.Parse(t.Function.Name, t.Trigger.Schedule), t.Trigger.RunOnStartup,
                timerLock, services, clock, logs.CreateLogger($"Gongjian.Functions.Timer.{t.Function.Name}")))
            .ToList();
        HostJson = hostJson;
        _log.LogInformation(
            "Standalone triggers: {Queues} queue and {Timers} timer functions; host.json {Source} (batchSize {Batch}, newBatchThreshold {Threshold}, maxDequeueCount {Max}, visibilityTimeout {Visibility}, maxPollingInterval {Polling})",
            Listeners.Count, Timers.Count, hostJson.Source ?? "not found, Functions defaults", queues.BatchSize, queues.NewBatchThreshold,
            queues.MaxDequeueCount, queues.VisibilityTimeout, queues.MaxPollingInterval);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start path: the first receives, lock blobs and run-on-startup timers wait until Kestrel listens.
        if (!await AppStarted.WaitAsync(lifetime, stoppingToken)) return;
        await Task.WhenAll(Listeners.Select(l => l.RunAsync(stoppingToken)).Concat(Timers.Select(t => t.RunAsync(stoppingToken))));
    }
}
