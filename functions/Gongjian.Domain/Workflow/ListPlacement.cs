namespace Gongjian.Domain.Workflow;

/// <summary>
/// Where an instance appears in its module's lists: one row, with the same <see cref="RowKey"/> (its
/// sort order: newest first) and <see cref="Fields"/>, in each of <see cref="Partitions"/> (e.g. the
/// community's, the street's and the unit's). A partition the instance leaves keeps a tombstone.
/// Fields are copies that every reader of the partition sees: nothing personal.
/// </summary>
public sealed record ListPlacement(string RowKey, IReadOnlyList<string> Partitions, IReadOnlyDictionary<string, object?> Fields);
