namespace Gongjian.Domain.Workflow;

/// <summary>
/// The name of a list in a module's list table. Most names are a partition of their own (<c>c-dongqili</c>). A name
/// with a slash (<c>s-xianying/c-dongqili</c>) is a list <em>inside</em> a partition shared with other lists: its rows
/// are the partition's rows whose RowKey starts with <c>c-dongqili|</c>. Lists of one instance that share a partition
/// are written in one entity-group transaction, one request for all of them, so a module whose lists are usually
/// written together (the community's, the street's and the unit's list of an order) puts them in one partition.
/// Neither <c>/</c> nor spaces can occur in a table key, so a name is never ambiguous.
/// </summary>
public static class ListAddress
{
    private const char Slash = '/';

    /// <summary>The row-key separator after a list's name, and the next character (exclusive upper bound of its rows).</summary>
    public const char RowSeparator = '|', RowEnd = '}';

    public static string Within(string partition, string list) => $"{partition}{Slash}{list}";

    /// <summary>The partition of a list and the prefix of its rows' keys (empty for a list that is a whole partition).</summary>
    public static (string Partition, string RowPrefix) Parse(string name) =>
        name.IndexOf(Slash) is var at and >= 0 ? (name[..at], name[(at + 1)..] + RowSeparator) : (name, "");

    /// <summary>Where an instance's row (its placement's RowKey) lies in a list: the partition and the full RowKey.</summary>
    public static (string Partition, string RowKey) RowOf(string list, string rowKey)
    {
        var (partition, prefix) = Parse(list);
        return (partition, prefix + rowKey);
    }
}
