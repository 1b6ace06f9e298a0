using System.Buffers.Binary;
using static Gongjian.Media.Jpeg.JpegMarkers;

namespace Gongjian.Media.Jpeg;

/// <summary>
/// Walks a JPEG from SOI to EOI: every marker segment, and the entropy-coded data of every scan (progressive files
/// have several). A file is accepted only if this walk reaches EOI, so truncated uploads are refused.
/// </summary>
internal static class JpegParser
{
    public static PhotoInspection Parse(ReadOnlySpan<byte> data, List<JpegPart> parts)
    {
        parts.Add(new JpegPart(JpegPartKind.Marker, Soi, 0, 2, 2));
        PhotoInspection? frame = null, unsupported = null;
        bool scanSeen = false;
        int pos = 2;
        while (true)
        {
            int start = pos;
            if (pos >= data.Length) return PhotoInspection.Corrupt("ends before EOI");
            if (data[pos] != 0xFF) return PhotoInspection.Corrupt($"expected a marker at {pos}");
            while (pos < data.Length && data[pos] == 0xFF) pos++;
            if (pos >= data.Length) return PhotoInspection.Corrupt("ends before EOI");
            byte marker = data[pos++];

            if (marker == Eoi)
            {
                if (frame is null || !scanSeen) return PhotoInspection.Corrupt("no image data before EOI");
                parts.Add(new JpegPart(JpegPartKind.Marker, marker, start, pos - start, pos));
                return unsupported ?? frame;
            }
            if (marker == Tem)
            {
                parts.Add(new JpegPart(JpegPartKind.Marker, marker, start, pos - start, pos));
                continue;
            }
            if (!IsKnownSegment(marker))
            {
                if (!IsUnsupportedVariant(marker)) return PhotoInspection.Corrupt($"unexpected marker 0x{marker:X2} at {start}");
                // Only reported once the walk reaches EOI: random bytes after FF D8 must read as corrupt, not as "lossless JPEG".
                unsupported ??= PhotoInspection.Unsupported($"JPEG marker 0x{marker:X2}");
            }

            if (pos + 2 > data.Length) return PhotoInspection.Corrupt("segment length missing");
            int length = BinaryPrimitives.ReadUInt16BigEndian(data[pos..]);
            if (length < 2 || pos + length > data.Length) return PhotoInspection.Corrupt("segment runs past end of data");
            var part = new JpegPart(JpegPartKind.Segment, marker, start, pos + length - start, pos + 2);
            parts.Add(part);
            pos = part.End;

            if (IsFrame(marker))
            {
                if (frame is not null) return PhotoInspection.Corrupt("second frame header");
                frame = JpegFrame.Read(part.Payload(data));
                if (frame.Rejection == PhotoRejection.CorruptImage) return frame;
            }
            else if (marker == Sos)
            {
                if (frame is null) return PhotoInspection.Corrupt("scan before frame header");
                int scanStart = pos;
                if (!TrySkipEntropyData(data, ref pos)) return PhotoInspection.Corrupt("scan data ends before EOI");
                parts.Add(new JpegPart(JpegPartKind.EntropyData, 0, scanStart, pos - scanStart, scanStart));
                scanSeen = true;
            }
        }
    }

    /// <summary>
    /// Advances past compressed data to the first real marker. Inside a scan 0xFF is followed by 0x00 (a stuffed
    /// data byte) or RSTn; any other marker ends the scan. Leaves <paramref name="pos"/> on that marker's first 0xFF.
    /// </summary>
    private static bool TrySkipEntropyData(ReadOnlySpan<byte> data, ref int pos)
    {
        while (true)
        {
            int found = data[pos..].IndexOf((byte)0xFF);
            if (found < 0) return false;
            int markerStart = pos + found;
            int next = markerStart + 1;
            while (next < data.Length && data[next] == 0xFF) next++;
            if (next >= data.Length) return false;
            if (data[next] == 0x00 || IsRestart(data[next]))
            {
                pos = next + 1;
                continue;
            }
            pos = markerStart;
            return true;
        }
    }
}
