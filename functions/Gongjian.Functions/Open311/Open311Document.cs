namespace Gongjian.Functions.Open311;

/// <summary>
/// An Open311 answer in a shape both formats can be written from: JSON writes objects and lists as
/// they are; XML writes the root element, each field as an element and each list item as an element
/// named <see cref="Open311List.ItemTag"/> (<c>&lt;services&gt;&lt;service&gt;…</c>), as the GeoReport v2 examples do.
/// </summary>
public abstract record Open311Node;

/// <summary>A string, number, boolean, date-time or null.</summary>
public sealed record Open311Value(object? Value) : Open311Node
{
    public static readonly Open311Value Null = new((object?)null);
}

public sealed record Open311Object(IReadOnlyList<(string Name, Open311Node Node)> Fields) : Open311Node;

public sealed record Open311List(string ItemTag, IReadOnlyList<Open311Node> Items) : Open311Node;

/// <summary>The whole answer: the XML root element's name and the body.</summary>
public sealed record Open311Document(string RootTag, Open311Node Body);
