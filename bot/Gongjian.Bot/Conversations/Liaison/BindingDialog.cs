using Gongjian.Bot.Storage;

namespace Gongjian.Bot.Conversations.Liaison;

/// <summary>
/// "绑定 123456": binds this conversation to the unit the one-time code was issued for. Wrong
/// codes are counted per conversation; after five in an hour the conversation must wait.
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

        var (outcome, unitId, unitName) = await codes.RedeemAsync(code, TableKeys.Hash(turn.Reference.Key), ct);
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
        if (data.Unit is { } previous && previous.UnitId != unitId) await links.UnbindUnitAsync(previous.UnitId, turn.Reference, ct);
        await links.BindUnitAsync(unitId!, turn.Reference, ct);
        var bound = data with { Unit = new UnitBinding(unitId!, unitName!, now), FailedBindings = 0, LastFailedBindingAt = null, Step = Idle.Instance };
        return TurnResult.Say(bound, new Reply(LiaisonTexts.Bound(unitName!), Texts.LiaisonMenu));
    }

    public async Task<TurnResult> UnbindAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Data.Unit is not { } unit) return TurnResult.Say(turn.Data, LiaisonTexts.NotBound);
        await links.UnbindUnitAsync(unit.UnitId, turn.Reference, ct);
        return TurnResult.Say(turn.Data with { Unit = null, AcceptedOrders = [], Step = Idle.Instance }, new Reply(LiaisonTexts.Unbound, Texts.Menu));
    }
}
