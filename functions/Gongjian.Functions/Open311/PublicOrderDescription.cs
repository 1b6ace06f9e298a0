using Gongjian.Domain.Community;

namespace Gongjian.Functions.Open311;

/// <summary>
/// What the public may read about an order's content: its category, never the resident's words.
/// <c>FreeTextRedactor</c> masks phones, ID numbers, flats and the order's own contact, but a text
/// can still name a neighbour, a child or an illness that no pattern finds — fine for staff who need
/// the text, not for an anonymous public read. Showcases publish words an organizer chose; Open311
/// reads have no such review, so they stay at the category. Every Open311 read goes through here.
/// </summary>
public static class PublicOrderDescription
{
    public static string Of(string text, string? category) => $"居民反映的{ServiceCategory.NameOf(category)}类诉求";
}
