using Gongjian.Bot.Conversations.Grid;
using Gongjian.Bot.Storage;

namespace Gongjian.Bot.Conversations.Liaison;

/// <summary>
/// "绑定 123456": binds this conversation to what the one-time code was issued for — a unit (its liaison) or a grid
/// worker and its grid. Wrong codes are counted per conversation; after five in an hour the conversation must wait.
/// A conversation is bound to one of them at a time: a new binding replaces the old one.
/// </summary>
public sealed class BindingDialog(BindingCodes codes, ConversationLinks links, TimeProvider clock)
{
    private const int MaxFailures = 5;
    private static readonly TimeSpan Lockout = TimeSpan.FromHours(1);

    public async Task<TurnResult> BindAsync(Turn turn, string code, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var data = turn.Data;
        if (data.FailedBindings >= MaxFailures && data.LastFailedBindingAt is { } last && now - last < Lockout)
            return TurnResult.Say(data, LiaisonTexts.TooManyAttempts);
        if (data.FailedBindings >= MaxFailures) data = data with { FailedBindings = 0 };

        var (outcome, target) = await codes.RedeemAsync(code, TableKeys.Hash(turn.Reference.Key), ct);
        if (outcome != RedeemOutcome.Bound)
        {
            var failed = data with { FailedBindings = data.FailedBindings + 1, LastFailedBindingAt = now, Step = Idle.Instance };
            return TurnResult.Say(failed, outcome switch
            {
                RedeemOutcome.Expired => LiaisonTexts.ExpiredCode,
                RedeemOutcome.Used => LiaisonTexts.UsedCode,
                _ => LiaisonTexts.UnknownCode,
            });
        }
        if (data.Unit is { } previous && (target!.Kind != BindingKind.Unit || previous.UnitId != target.Id))
            await links.UnbindUnitAsync(previous.UnitId, turn.Reference, ct);
        if (data.GridWorker is { } worker && (target!.Kind != BindingKind.GridWorker || worker.GridId != target.GridId))
            await links.UnbindGridAsync(worker.GridId, turn.Reference, ct);
        var cleared = data with { FailedBindings = 0, LastFailedBindingAt = null, Step = Idle.Instance };
        if (target!.Kind == BindingKind.GridWorker)
        {
            await links.BindGridAsync(target.GridId!, target.Id, turn.Reference, ct);
            var asWorker = cleared with { Unit = null, AcceptedOrders = [], GridWorker = new GridWorkerBinding(target.Id, target.Name, target.GridId!, target.GridName!, now) };
            return TurnResult.Say(asWorker, new Reply(GridReportTexts.Bound(target.Name, target.GridName!), GridReportTexts.Menu));
        }
        await links.BindUnitAsync(target.Id, turn.Reference, ct);
        var bound = cleared with { Unit = new UnitBinding(target.Id, target.Name, now), GridWorker = null, GridReports = [] };
        return TurnResult.Say(bound, new Reply(LiaisonTexts.Bound(target.Name), Texts.LiaisonMenu));
    }

    public async Task<TurnResult> UnbindAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Data.GridWorker is { } worker)
        {
            await links.UnbindGridAsync(worker.GridId, turn.Reference, ct);
            return TurnResult.Say(turn.Data with { GridWorker = null, GridReports = [], Step = Idle.Instance }, new Reply(GridReportTexts.Unbound, Texts.Menu));
        }
        if (turn.Data.Unit is not { } unit) return TurnResult.Say(turn.Data, LiaisonTexts.NotBound);
        await links.UnbindUnitAsync(unit.UnitId, turn.Reference, ct);
        return TurnResult.Say(turn.Data with { Unit = null, AcceptedOrders = [], Step = Idle.Instance }, new Reply(LiaisonTexts.Unbound, Texts.Menu));
    }
}
