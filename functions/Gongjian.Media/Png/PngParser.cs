using System.Buffers.Binary;
using static Gongjian.Media.Png.PngChunkTypes;

namespace Gongjian.Media.Png;

/// <summary>
/// Walks every chunk from the signature to IEND and checks each CRC, so a truncated or bit-flipped upload is
/// refused here instead of showing as a broken image on a public page.
/// </summary>
internal static class PngParser
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static PhotoInspection Parse(ReadOnlySpan<byte> data, List<PngChunk> chunks)
    {
        if (!data.StartsWith(Signature)) return PhotoInspection.Corrupt("damaged PNG signature");
        PhotoInspection? header = null;
        bool hasPalette = false, hasData = false;
        int pos = Signature.Length;
        while (true)
        {
            if (data.Length - pos < 12) return PhotoInspection.Corrupt("ends before IEND");
            uint length = BinaryPrimitives.ReadUInt32BigEndian(data[pos..]);
            if (length > (uint)(data.Length - pos - 12)) return PhotoInspection.Corrupt("chunk runs past end of data");
            if (!IsValidType(data.Slice(pos + 4, 4))) return PhotoInspection.Corrupt($"invalid chunk type at {pos}");
            var chunk = new PngChunk(BinaryPrimitives.ReadUInt32BigEndian(data[(pos + 4)..]), pos, (int)length);
            uint storedCrc = BinaryPrimitives.ReadUInt32BigEndian(data[(chunk.End - 4)..]);
            if (Crc32.Compute(data[(pos + 4)..(chunk.End - 4)]) != storedCrc)
                return PhotoInspection.Corrupt($"CRC mismatch in {chunk.Name}");
            chunks.Add(chunk);
            pos = chunk.End;

            if (header is null)
            {
                if (chunk.Type != IHDR) return PhotoInspection.Corrupt("first chunk is not IHDR");
                header = PngHeader.Read(chunk.Data(data));
                if (!header.IsAccepted) return header;
                continue;
            }
            switch (chunk.Type)
            {
                case IHDR: return PhotoInspection.Corrupt("second IHDR");
                case PLTE: hasPalette = true; break;
                case IDAT: hasData = true; break;
                case IEND:
                    if (length != 0) return PhotoInspection.Corrupt("IEND has data");
                    if (!hasData) return PhotoInspection.Corrupt("no IDAT");
                    if (PngHeader.NeedsPalette(chunks[0].Data(data)) && !hasPalette)
                        return PhotoInspection.Corrupt("indexed colour without PLTE");
                    return header;
                default:
                    // A decoder must fail on a critical chunk it does not know, so browsers would not show this.
                    if (chunk.IsCritical) return PhotoInspection.Unsupported($"unknown critical chunk {chunk.Name}");
                    break;
            }
        }
    }
}
