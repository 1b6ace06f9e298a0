using Gongjian.Domain.Community;

namespace Gongjian.Functions.Open311;

/// <summary>
/// What the public may read about an order's content. The resident's text often holds a phone,
/// a name or a flat ("3号楼2单元301"), and no redactor for free text exists yet, so this is the
/// category only. THE one place to switch to the free-text redactor when it lands
/// (e.g. <c>Redact(text)</c>); every Open311 read goes through it.
/// </summary>
public static class PublicOrderDescription
{
    public static string Of(string text, string? category) => $"居民反映的{ServiceCategory.NameOf(category)}类诉求";
}
