using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Engine;

/// <summary>
/// A module's fan-out in layers: each feature that must see a module's events (records, indicators, a grid report or a
/// deliberation waiting on an order) wraps the notifier registered so far, and calls it after its own work. The
/// relay resolves the outermost one. Registration order is the calling order, outermost last.
/// </summary>
public static class NotifierWrapping
{
    /// <summary>Replaces the <typeparamref name="TState"/> notifier registered last with <paramref name="wrap"/> of it.</summary>
    public static IServiceCollection WrapNotifier<TState>(this IServiceCollection services, Func<IServiceProvider, INotifier<TState>, INotifier<TState>> wrap)
    {
        var inner = services.Last(d => d.ServiceType == typeof(INotifier<TState>));
        services.Remove(inner);
        services.AddSingleton(sp => wrap(sp, (INotifier<TState>)(inner.ImplementationInstance ?? inner.ImplementationFactory?.Invoke(sp)
            ?? throw new InvalidOperationException($"The {typeof(TState).Name} notifier to wrap must be registered as an instance or a factory (RecordServices.AddRecordsOf does)."))));
        return services;
    }
}
