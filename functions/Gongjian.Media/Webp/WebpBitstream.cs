using System.Buffers.Binary;

namespace Gongjian.Media.Webp;

/// <summary>Reads the pixel size from the start of a VP8 (lossy) or VP8L (lossless) bitstream.</summary>
internal static class WebpBitstream
{
    public static PhotoInspection Read(uint fourCc, ReadOnlySpan<byte> payload) =>
        fourCc == WebpChunk.Vp8 ? ReadLossy(payload) : ReadLossless(payload);

    private static PhotoInspection ReadLossy(ReadOnlySpan<byte> p)
    {
        // 3-byte frame tag, 3-byte start code, then 14-bit width and height (top 2 bits are scaling hints).
        if (p.Length < 10) return PhotoInspection.Corrupt("VP8 header too short");
        int tag = p[0] | p[1] << 8 | p[2] << 16;
        bool keyFrame = (tag & 1) == 0, shown = (tag >> 4 & 1) == 1;
        int version = tag >> 1 & 7, firstPartition = tag >> 5;
        if (!keyFrame || !shown || version > 3) return PhotoInspection.Corrupt("VP8 frame is not a shown key frame");
        if (!p.Slice(3, 3).SequenceEqual((ReadOnlySpan<byte>)[0x9D, 0x01, 0x2A])) return PhotoInspection.Corrupt("VP8 start code missing");
        if (firstPartition > p.Length - 10) return PhotoInspection.Corrupt("VP8 partition runs past its chunk");
        int width = BinaryPrimitives.ReadUInt16LittleEndian(p[6..]) & 0x3FFF;
        int height = BinaryPrimitives.ReadUInt16LittleEndian(p[8..]) & 0x3FFF;
        if (width == 0 || height == 0) return PhotoInspection.Corrupt("VP8 size is zero");
        return PhotoInspection.Accepted(PhotoFormat.Webp, width, height);
    }

    private static PhotoInspection ReadLossless(ReadOnlySpan<byte> p)
    {
        // Signature 0x2F, then 14 bits width-1, 14 bits height-1, 1 bit alpha hint, 3 bits version (must be 0).
        if (p.Length < 5 || p[0] != 0x2F) return PhotoInspection.Corrupt("VP8L signature missing");
        uint bits = BinaryPrimitives.ReadUInt32LittleEndian(p[1..]);
        if (bits >> 29 != 0) return PhotoInspection.Corrupt("unknown VP8L version");
        int width = (int)(bits & 0x3FFF) + 1;
        int height = (int)(bits >> 14 & 0x3FFF) + 1;
        return PhotoInspection.Accepted(PhotoFormat.Webp, width, height);
    }
}
