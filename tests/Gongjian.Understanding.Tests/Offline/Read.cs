namespace Gongjian.Understanding.Tests.Offline;

/// <summary>Shorthand for the tables: one message through the offline reader with the 财源 directory.</summary>
internal static class Read
{
    private static readonly OfflineWishUnderstanding Reader = new();

    public static WishFields Offline(string? text) => Reader.Understand(text, Communities.Caiyuan);
}
