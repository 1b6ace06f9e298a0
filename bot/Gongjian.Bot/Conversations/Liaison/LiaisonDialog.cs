using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.Liaison;

/// <summary>单位接单 by message: 接单 / 拒单 (with a reason) from the card, 办结 with a note and a photo.</summary>
public sealed class LiaisonDialog(IOrderDesk desk, PhotoReader photos)
{
    public async Task<TurnResult> AcceptAsync(Turn turn, string orderId, CancellationToken ct)
    {
        if (Liaison(turn) is not { } liaison) return TurnResult.Say(turn.Data, LiaisonTexts.NotBound);
        var accepted = await desk.AcceptAsync(liaison, orderId, ct);
        if (accepted.Value is not { } order) return TurnResult.Say(turn.Data, LiaisonTexts.Failed(accepted.Refusal!));
        var data = turn.Data with { AcceptedOrders = [orderId, .. turn.Data.AcceptedOrders.Where(o => o != orderId).Take(19)], Step = Idle.Instance };
        return TurnResult.Say(data, new Reply(LiaisonTexts.Accepted(order), Texts.LiaisonMenu));
    }

    public static TurnResult AskDeclineReason(Turn turn, string orderId) =>
        turn.Data.Unit is null
            ? TurnResult.Say(turn.Data, LiaisonTexts.NotBound)
            : TurnResult.Say(turn.Data with { Step = new DecliningOrder(orderId) }, LiaisonTexts.AskDeclineReason);

    public async Task<TurnResult> DeclineAsync(Turn turn, DecliningOrder step, CancellationToken ct)
    {
        var reason = Intents.Normalize(turn.Text);
        if (Intents.Bare(reason).Length < 2) return TurnResult.Say(turn.Data, LiaisonTexts.ReasonTooShort);
        if (Liaison(turn) is not { } liaison) return TurnResult.Say(turn.Data with { Step = Idle.Instance }, LiaisonTexts.NotBound);
        var declined = await desk.DeclineAsync(liaison, step.OrderId, reason, ct);
        var reply = declined.Succeeded ? LiaisonTexts.Declined : LiaisonTexts.Failed(declined.Refusal!);
        return TurnResult.Say(turn.Data with { Step = Idle.Instance }, new Reply(reply, Texts.LiaisonMenu));
    }

    /// <summary>办结 [order]: which order (the only one accepted here when none is named), then the note.</summary>
    public static TurnResult BeginComplete(Turn turn, string? orderId)
    {
        if (turn.Data.Unit is null) return TurnResult.Say(turn.Data, LiaisonTexts.NotBound);
        var accepted = turn.Data.AcceptedOrders;
        orderId ??= accepted.Count == 1 ? accepted[0] : null;
        if (orderId is null)
            return accepted.Count == 0
                ? TurnResult.Say(turn.Data, LiaisonTexts.NoAcceptedOrder)
                : TurnResult.Say(turn.Data, new Reply(LiaisonTexts.WhichOrder, [.. accepted.Select(o => $"{Texts.Complete} {o}")]));
        return TurnResult.Say(turn.Data with { Step = new CompletingOrder(orderId) }, LiaisonTexts.AskNote);
    }

    /// <summary>The note and the photo, in one message or two.</summary>
    public async Task<TurnResult> CompleteAsync(Turn turn, CompletingOrder step, CancellationToken ct)
    {
        var note = step.Note;
        var text = Intents.Normalize(turn.Text);
        if (note is null && Intents.Bare(text).Length >= 2) note = text;
        var read = await photos.ReadAsync(turn.Activity, mayDownload: !DirectLine.DirectLineChannel.IsLocal(turn.Reference), ct);
        if (read.Problem is { } problem) return TurnResult.Say(turn.Data with { Step = step with { Note = note } }, problem);
        if (note is null) return TurnResult.Say(turn.Data, LiaisonTexts.NoteTooShort);
        if (read.Photos.Count == 0) return TurnResult.Say(turn.Data with { Step = step with { Note = note } }, LiaisonTexts.AskPhoto);
        if (Liaison(turn) is not { } liaison) return TurnResult.Say(turn.Data with { Step = Idle.Instance }, LiaisonTexts.NotBound);

        var done = await desk.CompleteAsync(liaison, step.OrderId, note, read.Photos, ct);
        if (!done.Succeeded) return TurnResult.Say(turn.Data with { Step = step with { Note = note } }, LiaisonTexts.Failed(done.Refusal!));
        var data = turn.Data with { Step = Idle.Instance, AcceptedOrders = [.. turn.Data.AcceptedOrders.Where(o => o != step.OrderId)] };
        return TurnResult.Say(data, new Reply(LiaisonTexts.Completed, Texts.LiaisonMenu));
    }

    private static LiaisonActor? Liaison(Turn turn) =>
        turn.Data.Unit is { } unit ? new LiaisonActor(unit.UnitId, turn.Activity.From?.Name is { Length: > 0 } name ? name : unit.UnitName + "联络员") : null;
}
