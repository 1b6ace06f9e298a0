using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Privacy;

/// <summary>
/// What an erased order's stored history keeps. Fields the resident wrote or that identify them are
/// blanked: the request text, address, contact and before-photos of <see cref="OrderPlaced"/>, the
/// cancel and reopen reasons, and a rating comment the resident wrote. What staff wrote about their
/// work (dispatch and completion notes, decline, withdrawal and rejection reasons) is the community's
/// record and is kept; so are dates, units, ratings and the order's course.
/// </summary>
public static class PersonalDataRedaction
{
    /// <summary>The event without personal data, or null when it holds none (leave it as it is).</summary>
    public static OrderEvent? Redact(OrderEvent e) => e switch
    {
        OrderPlaced p when p.Text.Length > 0 || p.Address.Length > 0 || p.Contact != Blank || p.PhotoIds.Count > 0 =>
            p with { Text = "", Address = "", Contact = Blank, PhotoIds = [] },
        OrderCancelled { Reason: not null } c => c with { Reason = null },
        OrderReopened { Reason.Length: > 0 } r => r with { Reason = "" },
        OrderConfirmed { Comment: not null } c when c.By.Role != ActorRole.System => c with { Comment = null },
        _ => null,
    };

    private static readonly Contact Blank = new("", "");
}
