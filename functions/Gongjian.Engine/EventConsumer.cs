using System.Text.Json;

namespace Gongjian.Engine;

/// <summary>Consumes a module's event queue: loads the instance as it is now and hands both to the module's notifier.</summary>
public sealed class EventConsumer<TState, TCommand, TEvent>(EventStore<TState, TCommand, TEvent> store, INotifier<TState> notifier)
    where TState : class where TCommand : class where TEvent : class
{
    public async Task RunAsync(string? body, CancellationToken ct)
    {
        var message = JsonSerializer.Deserialize(body ?? "", EngineJson.Default.EventMessage)
            ?? throw new InvalidDataException("Empty event message.");
        using var _ = Correlation.Begin(message.CorrelationId);
        var state = (await store.LoadAsync(message.InstanceId, ct))?.State
            ?? throw new InvalidDataException($"{store.Module.Name} {message.InstanceId} of event {message.Id} does not exist.");
        await notifier.NotifyAsync(message, state, ct);
    }
}
