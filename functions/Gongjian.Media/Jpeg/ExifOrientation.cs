using System.Buffers.Binary;

namespace Gongjian.Media.Jpeg;

/// <summary>
/// Why keep anything from Exif: phones store pixels as the sensor saw them plus an Orientation tag, and browsers
/// rotate by that tag. Dropping the whole APP1 would show most portrait phone photos sideways on public pages.
/// The tag (a number 1-8) says nothing about the person, so it survives alone in a freshly built minimal Exif;
/// nothing from the original block (GPS, serial, owner, dates, thumbnail) is copied.
/// </summary>
internal static class ExifOrientation
{
    private const ushort OrientationTag = 0x0112;
    private const ushort ShortType = 3;

    /// <summary>Reads IFD0's Orientation from an APP1 payload; false when absent, malformed or not Exif.</summary>
    public static bool TryRead(ReadOnlySpan<byte> app1Payload, out ushort orientation)
    {
        orientation = 0;
        if (!app1Payload.StartsWith("Exif\0\0"u8)) return false;
        var tiff = app1Payload[6..];
        if (tiff.Length < 8) return false;
        bool little;
        if (tiff.StartsWith("II"u8)) little = true;
        else if (tiff.StartsWith("MM"u8)) little = false;
        else return false;

        if (U16(tiff, 2, little) != 42) return false;
        long ifd = U32(tiff, 4, little);
        if (ifd + 2 > tiff.Length) return false;
        int count = U16(tiff, (int)ifd, little);
        for (int i = 0; i < count; i++)
        {
            long entry = ifd + 2 + 12L * i;
            if (entry + 12 > tiff.Length) return false;
            int at = (int)entry;
            if (U16(tiff, at, little) != OrientationTag) continue;
            if (U16(tiff, at + 2, little) != ShortType || U32(tiff, at + 4, little) < 1) return false;
            orientation = U16(tiff, at + 8, little);
            return orientation is >= 1 and <= 8;
        }
        return false;
    }

    /// <summary>A complete APP1 segment (marker included) holding only the Orientation tag, big-endian TIFF.</summary>
    public static byte[] BuildSegment(ushort orientation)
    {
        byte[] segment =
        [
            0xFF, 0xE1, 0x00, 0x22, // APP1, length 34
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0x00, 0x00,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // TIFF header, IFD0 at offset 8
            0x00, 0x01, // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, // Orientation, SHORT, count 1
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(28), orientation);
        return segment;
    }

    /// <summary>True for exactly what <see cref="BuildSegment"/> writes, so sanitizing twice changes nothing.</summary>
    public static bool IsMinimal(ReadOnlySpan<byte> app1Payload) =>
        TryRead(app1Payload, out var orientation) && app1Payload.SequenceEqual(BuildSegment(orientation).AsSpan(4));

    private static ushort U16(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt16BigEndian(b[at..]);

    private static uint U32(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt32BigEndian(b[at..]);
}
