using Gongjian.Functions.Cli;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;

// Verbs: (none) serve the app; `seed [--keys]` load demo data; `keys ...` manage staff keys;
// `layout --host-json FILE --output DIR` write the Functions layout (host.json + function.json files).
// The benchmark harness is its own tool (tools/Gongjian.Bench, run by scripts/bench); it drives this app as a child process.
var verb = args.FirstOrDefault() is { } first && !first.StartsWith('-') ? first : "serve";
var rest = verb == "serve" && args.FirstOrDefault() != "serve" ? args : args.Skip(1).ToArray();

var app = AppBuilder.Build(verb == "serve" ? rest : []);
if (verb == "layout") return LayoutCommand.Run(app, rest, Console.Out);
var storage = app.Services.GetRequiredService<StorageClients>();
if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.CreateIfMissing)
    await storage.CreateIfMissingAsync([], CancellationToken.None);

switch (verb)
{
    case "serve":
        await app.RunAsync();
        return 0;
    case "seed":
        return await SeedCommand.RunAsync(app.Services, rest.Contains("--keys"), Console.Out, CancellationToken.None);
    case "keys":
        return await KeysCommand.RunAsync(app.Services, rest, Console.Out, CancellationToken.None);
    default:
        Console.Error.WriteLine($"Unknown verb '{verb}'. Verbs: serve (default), seed [--keys], keys.");
        return 2;
}
