using Gongjian.Functions.Cli;
using Gongjian.Functions.Hosting;

// Verbs: (none) serve the app; `setup` create the tables, queues and containers (deploy time: never at start);
// `seed [--keys]` run setup, then load demo data; `keys ...` manage staff keys;
// `retention arm` arm the retention (erase) timers of every stored booking ledger, activity and topic (once after a deploy that added them);
// `lists rebuild [module ...]` write every instance's list rows again where its module places them (after a list layout change);
// `indicators rebuild` write the order indicators' projection again from every order's history;
// `layout --host-json FILE --output DIR` write the Functions layout (host.json + function.json files).
// The benchmark harness is its own tool (tools/Gongjian.Bench, run by scripts/bench); it drives this app as a child process.
var verb = args.FirstOrDefault() is { } first && !first.StartsWith('-') ? first : "serve";
var rest = verb == "serve" && args.FirstOrDefault() != "serve" ? args : args.Skip(1).ToArray();

var app = AppBuilder.Build(verb == "serve" ? rest : []);
if (verb == "layout") return LayoutCommand.Run(app, rest, Console.Out);

switch (verb)
{
    case "serve":
        await app.RunAsync();
        return 0;
    case "setup":
        return await SetupCommand.RunAsync(app.Services, Console.Out, CancellationToken.None);
    case "seed":
        await SetupCommand.RunAsync(app.Services, Console.Out, CancellationToken.None);
        return await SeedCommand.RunAsync(app.Services, rest.Contains("--keys"), Console.Out, CancellationToken.None);
    case "indicators" when rest.FirstOrDefault() == "rebuild":
        return await IndicatorsCommand.RunAsync(app.Services, Console.Out, CancellationToken.None);
    case "lists" when rest.FirstOrDefault() == "rebuild":
        return await ListsCommand.RunAsync(app.Services, rest.Skip(1).ToList(), Console.Out, CancellationToken.None);
    case "retention" when rest.FirstOrDefault() == "arm":
        return await RetentionCommand.RunAsync(app.Services, Console.Out, CancellationToken.None);
    case "keys":
        return await KeysCommand.RunAsync(app.Services, rest, Console.Out, CancellationToken.None);
    default:
        Console.Error.WriteLine($"Unknown verb '{verb}'. Verbs: serve (default), setup, seed [--keys], keys, indicators rebuild, lists rebuild, retention arm.");
        return 2;
}
