using System.Text.RegularExpressions;
using Gongjian.Domain.Orders;

namespace Gongjian.Functions.Showcases;

/// <summary>
/// A showcase is public: its title and story must not name a resident of the included orders,
/// their address, or any phone number. Organizers write stories by hand, so this is checked.
/// </summary>
public static partial class PersonalDataGuard
{
    [GeneratedRegex(@"(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")]
    private static partial Regex PhonePattern();

    public static string? FindLeak(string text, IEnumerable<OrderState> orders)
    {
        var normalized = text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (PhonePattern().IsMatch(text) || PhonePattern().IsMatch(normalized)) return "phone";
        foreach (var o in orders)
        {
            if (o.Contact.Name.Trim().Length >= 2 && text.Contains(o.Contact.Name.Trim(), StringComparison.Ordinal)) return "name";
            if (o.Address.Trim().Length >= 4 && text.Contains(o.Address.Trim(), StringComparison.Ordinal)) return "address";
        }
        return null;
    }
}
