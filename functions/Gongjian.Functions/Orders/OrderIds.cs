using System.Security.Cryptography;

namespace Gongjian.Functions.Orders;

/// <summary>
/// Order numbers people can read out on the phone (<c>GJ261122-7KQ3MZ</c>) and tracking codes
/// residents keep (<c>K7M3-QX9P</c>), both from an alphabet without 0/O and 1/I.
/// </summary>
public static class OrderIds
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string NewOrderId(DateTimeOffset now) => $"GJ{now.UtcDateTime:yyMMdd}-{Random(6)}";

    public static string NewTrackingCode() => $"{Random(4)}-{Random(4)}";

    /// <summary>Checked before an id is used as a table key, so no caller input reaches storage unvetted.</summary>
    public static bool IsWellFormed(string id) =>
        id.Length == 15 && id.StartsWith("GJ", StringComparison.Ordinal) && id[8] == '-'
        && id.AsSpan(2, 6).IndexOfAnyExceptInRange('0', '9') < 0
        && id[9..].All(c => Alphabet.Contains(c));

    private static string Random(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        });
}
