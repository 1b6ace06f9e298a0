using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Deliberations;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Projects;
using Gongjian.Engine;
using Gongjian.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Deliberations;

/// <summary>
/// The way back from an order or project to the deliberation whose decision it carries out: table
/// <c>deliberationlinks</c>, PartitionKey the order's or project's id, RowKey <c>link</c>, with the deliberation's id. The
/// deliberation's own state names its orders and projects (the way there). Written before the order is placed (so an
/// order never exists unlinked) and when a decision names a project.
/// </summary>
public sealed class DeliberationLinks(StorageClients storage)
{
    private const string Row = "link";
    private readonly TableClient _table = storage.Table(TableNames.DeliberationLinks);

    public Task LinkAsync(string targetId, string deliberationId, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(targetId, Row) { ["DeliberationId"] = deliberationId }, TableUpdateMode.Replace, ct);

    /// <summary>The deliberation an order or project carries out, or null (one point read).</summary>
    public async Task<string?> DeliberationOfAsync(string targetId, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(targetId, Row, ["DeliberationId"], ct);
        return row.HasValue ? row.Value!.GetString("DeliberationId") : null;
    }

    /// <summary>
    /// The order id for a decision's action, the same on every attempt (a retry finds the order it placed): <c>GJ</c> +
    /// the decision's day + six characters from (deliberation, action).
    /// </summary>
    public static string OrderIdFor(DeliberationState s, int actionNo)
    {
        const string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"deliberation:{s.Id}:{actionNo}"));
        return $"GJ{(s.DecidedAt ?? s.RaisedAt).UtcDateTime:yyMMdd}-{new string(hash.Take(6).Select(b => alphabet[b % alphabet.Length]).ToArray())}";
    }

    /// <summary>The order's text names the deliberation, so the unit reading it knows where it came from.</summary>
    public static string OrderTextFor(DeliberationState s, DecisionAction a) => $"【议事决议 {s.Id}】{a.Text}";
}

/// <summary>
/// Tells a deliberation that one of its orders or projects ended: wraps the order's and the project's notifier (as the
/// records and indicators do) and, on an order's completion (办结), cancellation or rejection, or a project's closing or
/// cancellation, finds the deliberation by the link (one point read, only for those events, and for an order only if its
/// <see cref="OrderState.Origin"/> is a deliberation or not recorded) and runs
/// <see cref="CompleteAction"/> under the event's id, so a relay that runs twice completes it once.
/// </summary>
public sealed class DeliberationProgress(DeliberationLinks links, DeliberationStore store, ILogger<DeliberationProgress> log)
{
    public static string? OutcomeOf(EventMessage m) => m.Type switch
    {
        nameof(OrderCompleted) or nameof(ProjectClosed) => ActionOutcome.Completed,
        nameof(OrderCancelled) or nameof(OrderRejected) or nameof(ProjectCancelled) => ActionOutcome.Cancelled,
        _ => null,
    };

    public async Task OnEndedAsync(EventMessage m, string targetId, CancellationToken ct)
    {
        if (OutcomeOf(m) is not { } outcome || await links.DeliberationOfAsync(targetId, ct) is not { } deliberation) return;
        var result = await store.ExecuteAsync(deliberation, new CompleteAction { By = Actor.System, TargetId = targetId, Outcome = outcome }, ct,
            messageId: "end-" + m.Id.Replace(':', '-'));
        // Already recorded (e.g. a completed order later cancelled): nothing more to do, and no reason to retry.
        if (result.Rejection is { } r) log.LogInformation("Deliberation {Deliberation} did not take the end of {Target}: {Code}", deliberation, targetId, r.Code);
    }
}

public sealed class OrderDeliberationNotifier(INotifier<OrderState> inner, DeliberationProgress progress) : INotifier<OrderState>
{
    public async Task NotifyAsync(EventMessage message, OrderState state, CancellationToken ct)
    {
        // An order whose state says where it came from, and not from a deliberation, has no link to look up (placed before
        // origins were recorded, it has none, and the link is read as before).
        if (OrderOrigin.MayBe(state.Origin, OrderOrigin.DeliberationKind)) await progress.OnEndedAsync(message, state.Id, ct);
        await inner.NotifyAsync(message, state, ct);
    }

    public Task RemindAsync(TimerMessage timer, OrderState state, CancellationToken ct) => inner.RemindAsync(timer, state, ct);
}

public sealed class ProjectDeliberationNotifier(INotifier<ProjectState> inner, DeliberationProgress progress) : INotifier<ProjectState>
{
    public async Task NotifyAsync(EventMessage message, ProjectState state, CancellationToken ct)
    {
        await progress.OnEndedAsync(message, state.Id, ct);
        await inner.NotifyAsync(message, state, ct);
    }

    public Task RemindAsync(TimerMessage timer, ProjectState state, CancellationToken ct) => inner.RemindAsync(timer, state, ct);
}

public static class DeliberationServices
{
    /// <summary>
    /// The deliberation module and its parts; then the order and project notifiers registered so far (records, indicators,
    /// notices) are wrapped so that an order's or project's end reaches its deliberation.
    /// </summary>
    public static IServiceCollection AddDeliberations(this IServiceCollection services)
    {
        services.AddModule<DeliberationState, DeliberationCommand, DeliberationEvent, DeliberationModule, DeliberationStorage, DeliberationStore,
            DeliberationNotifier, NoCommandObserver<DeliberationState, DeliberationCommand, DeliberationEvent>>(sp => new DeliberationModule(
            DeliberationModule.DefaultRemindBefore, DeliberationModule.DefaultReviewRemindAfter,
            sp.GetRequiredService<IOptions<PrivacyOptions>>().Value.EraseAfter)); // the raiser's contact: the orders' retention
        services.AddSingleton<DeliberationCommandRunner>();
        services.AddSingleton<DeliberationLinks>();
        services.AddSingleton<DeliberationProgress>();
        services.WrapNotifier<OrderState>((sp, inner) => new OrderDeliberationNotifier(inner, sp.GetRequiredService<DeliberationProgress>()));
        services.WrapNotifier<ProjectState>((sp, inner) => new ProjectDeliberationNotifier(inner, sp.GetRequiredService<DeliberationProgress>()));
        return services;
    }
}
