using Gongjian.Bench.Understanding;
using Gongjian.Understanding.Classification;

// dotnet Gongjian.Bench.Understanding.dll [--constructions N] [--rounds N]   the report
// dotnet Gongjian.Bench.Understanding.dll --construct-once                   one cold construction, in ms (a child process)
// dotnet Gongjian.Bench.Understanding.dll --write-model PATH                   trains the classifier and writes its counts (scripts/understanding-tables)
if (Array.IndexOf(args, "--write-model") is var w and >= 0 && w + 1 < args.Length)
{
    using var file = new StreamWriter(args[w + 1], append: false, new System.Text.UTF8Encoding(false));
    ModelFile.Write(ModelFile.Trained(ClassifierSettings.Default), file);
    return 0;
}
if (args.Contains("--construct-once"))
{
    var (wall, cpu) = Construction.MeasureOnce();
    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{wall:F1} {cpu:F1}"));
    return 0;
}

var constructions = Option("--constructions", 7);
var rounds = Option("--rounds", 20);
var cold = Construction.InFreshProcesses(constructions);
var latency = WishLatency.Measure(rounds);
Console.WriteLine(Report.Markdown(cold, latency, Environment.ProcessorCount));
return 0;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
}
