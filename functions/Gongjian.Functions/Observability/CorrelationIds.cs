using System.Buffers;

namespace Gongjian.Functions.Observability;

/// <summary>
/// What is accepted as a correlation id from outside (a request header, a queue message): at most
/// 100 characters of <c>[A-Za-z0-9-_.]</c>. Anything else is ignored rather than refused — it would
/// otherwise flow into log lines and span attributes (log forging, unbounded cardinality).
/// </summary>
public static class CorrelationIds
{
    public const int MaxLength = 100;
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    public static bool IsValid(ReadOnlySpan<char> id) =>
        id.Length is > 0 and <= MaxLength && !id.ContainsAnyExcept(Allowed);

    public static string? ValidOrNull(string? id) => id is not null && IsValid(id) ? id : null;
}
