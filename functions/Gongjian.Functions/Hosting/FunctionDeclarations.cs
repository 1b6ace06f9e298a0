namespace Gongjian.Functions.Hosting;

/// <summary>How a function is triggered. Declared once in code; routes and function.json follow from it.</summary>
public abstract record FunctionTrigger;

/// <summary>An HTTP function: method and route below the <c>api</c> prefix, e.g. <c>orders/{id}/accept</c>.</summary>
public sealed record HttpTrigger(string Method, string Route) : FunctionTrigger;

public sealed record FunctionDeclaration(string Name, FunctionTrigger Trigger);

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

    /// <summary>Maps an HTTP function and records its declaration.</summary>
    public static RouteHandlerBuilder MapFunction(this WebApplication app, string name, HttpTrigger trigger, Delegate handler)
    {
        app.Services.GetRequiredService<FunctionCatalog>().Add(new FunctionDeclaration(name, trigger));
        return app.MapMethods($"/{RoutePrefix}/{trigger.Route}", [trigger.Method], handler).WithName(name);
    }
}
