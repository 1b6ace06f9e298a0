using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Cli;

/// <summary><c>layout --host-json FILE --output DIR</c>: the Azure Functions folder layout for the deployment package.</summary>
public static class LayoutCommand
{
    public static int Run(WebApplication app, string[] args, TextWriter output)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (Option("--host-json") is not { } hostJson || Option("--output") is not { } dir)
        {
            output.WriteLine("usage: layout --host-json FILE --output DIR");
            return 2;
        }
        var names = FunctionJson.WriteLayout(app.Services.GetRequiredService<FunctionCatalog>(), hostJson, dir);
        output.WriteLine($"Wrote host.json and {names.Count} functions to {dir}.");
        return 0;
    }
}
