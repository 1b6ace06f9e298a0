using Gongjian.Bench;

// The benchmark harness (docs/BENCHMARKS.md): `Gongjian.Bench --app …/Gongjian.Functions.dll [options]`,
// with AzureWebJobsStorage pointing at an Azurite of its own. scripts/bench builds the app and this tool and runs it.
return await BenchCommand.RunAsync(args, Console.Out, Console.Error);
