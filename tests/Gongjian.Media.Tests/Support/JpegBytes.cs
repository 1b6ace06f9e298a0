using System.Buffers.Binary;

namespace Gongjian.Media.Tests.Support;

/// <summary>A deliberately naive JPEG header walker, independent of the library, for assertions.</summary>
public static class JpegBytes
{
    /// <summary>Offset of the first SOS marker: everything before it is header, everything from it is picture.</summary>
    public static int FirstScanOffset(byte[] jpeg)
    {
        int pos = 2;
        while (jpeg[pos + 1] != 0xDA) pos += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(pos + 2));
        return pos;
    }

    /// <summary>From the first SOS through EOI.</summary>
    public static byte[] ScanToEnd(byte[] jpeg)
    {
        int eoi = jpeg.AsSpan().LastIndexOf([(byte)0xFF, (byte)0xD9]);
        return jpeg[FirstScanOffset(jpeg)..(eoi + 2)];
    }

    public static byte[] Header(byte[] jpeg) => jpeg[..FirstScanOffset(jpeg)];

    /// <summary>Header segments as (marker, payload after the length field).</summary>
    public static List<(byte Marker, byte[] Payload)> Segments(byte[] jpeg)
    {
        var list = new List<(byte, byte[])>();
        for (int pos = 2; jpeg[pos + 1] != 0xDA;)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(pos + 2));
            list.Add((jpeg[pos + 1], jpeg[(pos + 4)..(pos + 2 + length)]));
            pos += 2 + length;
        }
        return list;
    }

    public static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    /// <summary>The file with <paramref name="inserted"/> placed right after SOI.</summary>
    public static byte[] InsertAfterSoi(byte[] jpeg, params byte[][] inserted) =>
        Fixture.Concat([jpeg[..2], .. inserted, jpeg[2..]]);
}
