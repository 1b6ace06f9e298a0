using System.Buffers.Binary;

namespace Gongjian.Media.Webp;

/// <summary>
/// Rebuilds the RIFF container from the allowed chunks, copying their payloads unchanged. EXIF is dropped
/// whole, orientation included: browsers do not rotate WebP by Exif, so keeping it would buy nothing.
/// </summary>
internal static class WebpSanitizer
{
    public static byte[] Sanitize(ReadOnlySpan<byte> data, List<WebpChunk> chunks, List<string> removed)
    {
        // A simple (non-VP8X) file is exactly one bitstream chunk; anything appended to it is not image data.
        bool extended = chunks[0].FourCc == WebpChunk.Vp8X;
        var plan = new OutputPlan();
        byte[] riffHeader = [.. "RIFF\0\0\0\0WEBP"u8];
        plan.Add(riffHeader);
        for (int i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            if (i > 0 && !(extended && Keep(chunk.FourCc)))
            {
                removed.Add(chunk.Name);
                continue;
            }
            if (chunk.FourCc == WebpChunk.Vp8X) AddHeaderWithoutMetadataFlags(plan, data, chunk);
            else plan.Copy(chunk.Offset, 8 + chunk.PayloadLength);
            // The pad byte is written as zero rather than copied: it is outside every chunk, so it could hide a byte.
            if ((chunk.PayloadLength & 1) == 1) plan.Add([0]);
        }
        if (8 + BinaryPrimitives.ReadUInt32LittleEndian(data[4..]) < (uint)data.Length) removed.Add("data after RIFF");

        BinaryPrimitives.WriteUInt32LittleEndian(riffHeader.AsSpan(4), (uint)(plan.Length - 8));
        return plan.Build(data);
    }

    // Allow-list: the image itself plus colour profile and animation. EXIF, XMP and unknown chunks go.
    private static bool Keep(uint fourCc) => fourCc is WebpChunk.Vp8X or WebpChunk.Vp8 or WebpChunk.Vp8L
        or WebpChunk.Alph or WebpChunk.Iccp or WebpChunk.Anim or WebpChunk.Anmf;

    // Decoders trust these flags; leaving EXIF/XMP set after removing the chunks makes some tools report errors.
    private static void AddHeaderWithoutMetadataFlags(OutputPlan plan, ReadOnlySpan<byte> data, WebpChunk vp8x)
    {
        plan.Copy(vp8x.Offset, 8);
        plan.Add([(byte)(data[vp8x.Offset + 8] & ~(Vp8XFlags.Exif | Vp8XFlags.Xmp))]);
        plan.Copy(vp8x.Offset + 9, vp8x.PayloadLength - 1);
    }
}
