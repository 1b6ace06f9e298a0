using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Privacy.FreeText;

/// <summary>
/// The order's own contact values: the resident may repeat them in the text in a form no pattern
/// recognises (a name, a road address), so they are looked for literally as well.
/// </summary>
public sealed record KnownPersonalData(string? Name = null, string? Address = null, string? Phone = null)
{
    public static readonly KnownPersonalData None = new();

    public static KnownPersonalData Of(OrderState order) => new(order.Contact.Name, order.Address, order.Contact.Phone);
}
