using Gongjian.Engine;

namespace Gongjian.Functions.Cli;

/// <summary>
/// <c>lists rebuild [module ...]</c>: writes every instance's list rows again where its module places them now and hides
/// the rest (<see cref="ListRebuild{TState,TCommand,TEvent}"/>) — all modules, or the ones named (<c>order</c>, <c>wish</c>, …).
/// Run once after a deploy that changed a list layout (orders moved their lists into the street's partition).
/// </summary>
public static class ListsCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> modules, TextWriter output, CancellationToken ct)
    {
        var all = services.GetServices<IListRebuild>().ToList();
        if (modules.FirstOrDefault(m => all.All(r => r.Module != m)) is { } unknown)
        {
            output.WriteLine($"Unknown module '{unknown}'. Modules: {string.Join(", ", all.Select(r => r.Module))}.");
            return 2;
        }
        foreach (var rebuild in all.Where(r => modules.Count == 0 || modules.Contains(r.Module)))
        {
            var result = await rebuild.RebuildAsync(ct);
            output.WriteLine($"Lists of {result.Module}: {result.Instances} instances listed, {result.Hidden} stray rows hidden.");
        }
        return 0;
    }
}
