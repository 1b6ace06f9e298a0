namespace Gongjian.Functions.Hosting;

/// <summary>How a function is triggered. Declared once in code; routes and function.json follow from it.</summary>
public abstract record FunctionTrigger;

/// <summary>An HTTP function: method and route below the <c>api</c> prefix, e.g. <c>orders/{id}/accept</c>.</summary>
public sealed record HttpTrigger(string Method, string Route) : FunctionTrigger
{
    /// <summary>The route the app serves it at: <c>/api/</c> + <see cref="Route"/>.</summary>
    public string Pattern => $"/{FunctionMapping.RoutePrefix}/{Route}";

    /// <summary>The one method, as <c>MapMethods</c> takes it.</summary>
    public string[] Methods => [Method];
}

/// <summary>A queue function: runs once per message of <paramref name="QueueName"/> (poison queue: <c>{QueueName}-poison</c>).</summary>
public sealed record QueueTrigger(string QueueName) : FunctionTrigger;

/// <summary>A timer function on a six-field NCRONTAB schedule (seconds first), in UTC.</summary>
public sealed record TimerTrigger(string Schedule, bool RunOnStartup = false) : FunctionTrigger;

/// <summary>What a queue or timer function is given: the message text (queue) and where it came from.</summary>
public sealed record FunctionInvocation
{
    public required string FunctionName { get; init; }
    /// <summary>The queue message, decoded to text; null for timers.</summary>
    public string? Message { get; init; }
    public string? MessageId { get; init; }
    public long DequeueCount { get; init; }
    public DateTimeOffset? InsertedAt { get; init; }
    public required string InvocationId { get; init; }
}

/// <summary>
/// The body of a queue or timer function. Throwing fails the invocation: the message becomes
/// visible again after the visibility timeout and goes to the poison queue after maxDequeueCount.
/// </summary>
public delegate Task BackgroundFunction(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct);

public sealed record FunctionDeclaration(string Name, FunctionTrigger Trigger, BackgroundFunction? Run = null);

/// <summary>Every function the app serves, in the order they were mapped.</summary>
public sealed class FunctionCatalog
{
    private readonly List<FunctionDeclaration> _functions = [];

    public IReadOnlyList<FunctionDeclaration> All => _functions;

    public void Add(FunctionDeclaration declaration)
    {
        if (_functions.Any(f => f.Name == declaration.Name))
            throw new InvalidOperationException($"Function '{declaration.Name}' is declared twice.");
        _functions.Add(declaration);
    }
}

public static class FunctionMapping
{
    public const string RoutePrefix = "api";

    /// <summary>Declares a queue or timer function; the standalone host or the Functions host invokes it.</summary>
    public static void MapBackgroundFunction(this WebApplication app, string name, FunctionTrigger trigger, BackgroundFunction run)
    {
        if (trigger is HttpTrigger) throw new ArgumentException("HTTP functions are mapped with MapFunction.", nameof(trigger));
        app.Services.GetRequiredService<FunctionCatalog>().Add(new FunctionDeclaration(name, trigger, run));
    }

    /// <summary>
    /// Records an HTTP function's declaration and maps its route with <paramref name="map"/>, which must call
    /// <c>app.MapMethods(t.Pattern, t.Methods, Handler)</c> itself: only a <c>Map*</c> call written with the handler
    /// at the call site is replaced by the Request Delegate Generator's compile-time code (no reflection or
    /// expression trees at start). A handler passed on as a <see cref="Delegate"/> would be compiled at run time.
    /// </summary>
    public static RouteHandlerBuilder MapFunction(this WebApplication app, string name, HttpTrigger trigger, Func<HttpTrigger, RouteHandlerBuilder> map)
    {
        app.Services.GetRequiredService<FunctionCatalog>().Add(new FunctionDeclaration(name, trigger));
        return map(trigger).WithName(name);
    }
}
