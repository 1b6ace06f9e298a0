using System.Diagnostics.CodeAnalysis;
using Gongjian.Domain.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Gongjian.Engine;

/// <summary>Registers a module on the engine: its rules, storage, store, relay, timer consumer and notifier, all singletons.</summary>
public static class EngineServices
{
    // The types DI constructs (TStorage, TStore, TNotifier, TObserver) keep their public constructors when trimmed (Native AOT).
    public static IServiceCollection AddModule<TState, TCommand, TEvent, TModule,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStorage,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TNotifier,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TObserver>(
        this IServiceCollection services, Func<IServiceProvider, TModule> module)
        where TState : class where TCommand : class where TEvent : class
        where TModule : Module<TState, TCommand, TEvent>
        where TStorage : ModuleStorage<TState, TEvent>, new()
        where TStore : EventStore<TState, TCommand, TEvent>
        where TNotifier : class, INotifier<TState>
        where TObserver : class, ICommandObserver<TState, TCommand, TEvent>
    {
        services.TryAddSingleton<QueueWakeups>();
        services.TryAddSingleton<QueueSender>();
        services.AddSingleton(module);
        services.AddSingleton<Module<TState, TCommand, TEvent>>(sp => sp.GetRequiredService<TModule>());
        services.AddSingleton<TStorage>();
        services.AddSingleton<ModuleStorage<TState, TEvent>>(sp => sp.GetRequiredService<TStorage>());
        services.AddSingleton<ICommandObserver<TState, TCommand, TEvent>, TObserver>();
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IEngineStorage>();
            var codec = sp.GetRequiredService<TStorage>();
            return new Relay<TState, TCommand, TEvent>(sp.GetRequiredService<TModule>(), codec, storage,
                codec.ListTable is { } lists ? new ListWriter(storage.Table(lists)) : null, sp.GetRequiredService<INotifier<TState>>(), sp.GetRequiredService<QueueSender>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<Relay<TState, TCommand, TEvent>>>());
        });
        services.AddSingleton<TStore>();
        services.AddSingleton<EventStore<TState, TCommand, TEvent>>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<INotifier<TState>, TNotifier>();
        services.AddSingleton<TimerConsumer<TState, TCommand, TEvent>>();
        services.AddSingleton<IListRebuild>(sp => new ListRebuild<TState, TCommand, TEvent>(
            sp.GetRequiredService<TModule>(), sp.GetRequiredService<TStorage>(), sp.GetRequiredService<IEngineStorage>()));
        return services;
    }
}
