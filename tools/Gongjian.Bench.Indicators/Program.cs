using Gongjian.Bench.Indicators;

// The indicators benchmark (docs/BENCHMARKS.md, "Indicators at 100k orders"):
// `Gongjian.Bench.Indicators --app …/Gongjian.Functions.dll [--orders 100000] [--units 40] [--records 20000] [--requests 200] [--updates 300]`,
// with AzureWebJobsStorage pointing at an Azurite of its own. scripts/bench-indicators builds the app and this tool and runs it.
return await IndicatorsBench.RunAsync(args, Console.Out, Console.Error);
