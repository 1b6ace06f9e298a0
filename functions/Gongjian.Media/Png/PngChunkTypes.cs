namespace Gongjian.Media.Png;

/// <summary>Chunk type codes as the big-endian integer of their four ASCII letters, so they can be switched on.</summary>
internal static class PngChunkTypes
{
    public const uint IHDR = 'I' << 24 | 'H' << 16 | 'D' << 8 | 'R';
    public const uint PLTE = 'P' << 24 | 'L' << 16 | 'T' << 8 | 'E';
    public const uint IDAT = 'I' << 24 | 'D' << 16 | 'A' << 8 | 'T';
    public const uint IEND = 'I' << 24 | 'E' << 16 | 'N' << 8 | 'D';
    public const uint tRNS = 't' << 24 | 'R' << 16 | 'N' << 8 | 'S';
    public const uint gAMA = 'g' << 24 | 'A' << 16 | 'M' << 8 | 'A';
    public const uint cHRM = 'c' << 24 | 'H' << 16 | 'R' << 8 | 'M';
    public const uint sRGB = 's' << 24 | 'R' << 16 | 'G' << 8 | 'B';
    public const uint iCCP = 'i' << 24 | 'C' << 16 | 'C' << 8 | 'P';
    public const uint sBIT = 's' << 24 | 'B' << 16 | 'I' << 8 | 'T';
    public const uint pHYs = 'p' << 24 | 'H' << 16 | 'Y' << 8 | 's';
    public const uint cICP = 'c' << 24 | 'I' << 16 | 'C' << 8 | 'P';
    public const uint mDCV = 'm' << 24 | 'D' << 16 | 'C' << 8 | 'V';
    public const uint cLLI = 'c' << 24 | 'L' << 16 | 'L' << 8 | 'I';
    public const uint acTL = 'a' << 24 | 'c' << 16 | 'T' << 8 | 'L';
    public const uint fcTL = 'f' << 24 | 'c' << 16 | 'T' << 8 | 'L';
    public const uint fdAT = 'f' << 24 | 'd' << 16 | 'A' << 8 | 'T';

    public static bool IsValidType(ReadOnlySpan<byte> type)
    {
        foreach (byte b in type)
            if (!char.IsAsciiLetter((char)b)) return false;
        return true;
    }

    public static string Name(uint type) =>
        string.Create(4, type, static (chars, t) =>
        {
            for (int i = 0; i < 4; i++) chars[i] = (char)(byte)(t >> (24 - 8 * i));
        });
}
