using System.Buffers.Binary;

namespace Gongjian.Media.Webp;

/// <summary>
/// Walks the RIFF container chunk by chunk (sizes, padding, RIFF length) and reads the pixel size from the
/// VP8X canvas or the image bitstream.
/// </summary>
internal static class WebpParser
{
    private const int HeaderLength = 12; // "RIFF", size, "WEBP"

    public static PhotoInspection Parse(ReadOnlySpan<byte> data, List<WebpChunk> chunks)
    {
        uint riffSize = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffSize < 4 || riffSize > (uint)(data.Length - 8)) return PhotoInspection.Corrupt("RIFF size runs past end of data");
        int end = 8 + (int)riffSize;
        int pos = HeaderLength;
        while (pos < end)
        {
            if (end - pos < 8) return PhotoInspection.Corrupt("chunk header truncated");
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(data[(pos + 4)..]);
            if ((long)size + (size & 1) > end - pos - 8) return PhotoInspection.Corrupt("chunk runs past end of RIFF");
            var chunk = new WebpChunk(BinaryPrimitives.ReadUInt32BigEndian(data[pos..]), pos, (int)size);
            chunks.Add(chunk);
            pos = chunk.PaddedEnd;
        }
        if (chunks.Count == 0) return PhotoInspection.Corrupt("no chunks");
        return chunks[0].FourCc switch
        {
            WebpChunk.Vp8 or WebpChunk.Vp8L => WebpBitstream.Read(chunks[0].FourCc, chunks[0].Payload(data)),
            WebpChunk.Vp8X => ReadExtended(data, chunks),
            _ => PhotoInspection.Corrupt($"first chunk is {chunks[0].Name}"),
        };
    }

    private static PhotoInspection ReadExtended(ReadOnlySpan<byte> data, List<WebpChunk> chunks)
    {
        var header = chunks[0].Payload(data);
        if (header.Length < 10) return PhotoInspection.Corrupt("VP8X header too short");
        int width = ReadUInt24(header[4..]) + 1;
        int height = ReadUInt24(header[7..]) + 1;
        if ((header[0] & Vp8XFlags.Animation) != 0)
            return chunks.Exists(c => c.FourCc == WebpChunk.Anmf)
                ? PhotoInspection.Accepted(PhotoFormat.Webp, width, height)
                : PhotoInspection.Corrupt("animation flag without frames");

        int image = chunks.FindIndex(c => c.FourCc is WebpChunk.Vp8 or WebpChunk.Vp8L);
        if (image < 0) return PhotoInspection.Corrupt("VP8X without an image chunk");
        var bitstream = WebpBitstream.Read(chunks[image].FourCc, chunks[image].Payload(data));
        if (!bitstream.IsAccepted) return bitstream;
        // A still image must fill the canvas exactly; a mismatch means a hand-edited or broken file.
        return bitstream.Width == width && bitstream.Height == height
            ? bitstream
            : PhotoInspection.Corrupt("VP8X canvas differs from image size");
    }

    private static int ReadUInt24(ReadOnlySpan<byte> b) => b[0] | b[1] << 8 | b[2] << 16;
}
