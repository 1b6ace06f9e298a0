using System.Buffers.Binary;

namespace Gongjian.Media.Png;

/// <summary>Reads IHDR: width, height and the bit depth / colour type combination the spec allows.</summary>
internal static class PngHeader
{
    private const byte IndexedColour = 3;

    public static PhotoInspection Read(ReadOnlySpan<byte> ihdr)
    {
        if (ihdr.Length != 13) return PhotoInspection.Corrupt("IHDR is not 13 bytes");
        uint width = BinaryPrimitives.ReadUInt32BigEndian(ihdr);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(ihdr[4..]);
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
            return PhotoInspection.Corrupt("width or height out of range");
        byte depth = ihdr[8], colourType = ihdr[9];
        bool depthFits = colourType switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            IndexedColour => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => false,
        };
        if (!depthFits) return PhotoInspection.Corrupt($"bit depth {depth} with colour type {colourType}");
        if (ihdr[10] != 0 || ihdr[11] != 0 || ihdr[12] > 1)
            return PhotoInspection.Corrupt("unknown compression, filter or interlace method");
        return PhotoInspection.Accepted(PhotoFormat.Png, (int)width, (int)height);
    }

    public static bool NeedsPalette(ReadOnlySpan<byte> ihdr) => ihdr[9] == IndexedColour;
}
