using System.Buffers.Binary;

namespace Gongjian.Media.Jpeg;

/// <summary>Reads the SOFn frame header: where JPEG keeps the real pixel size.</summary>
internal static class JpegFrame
{
    public static PhotoInspection Read(ReadOnlySpan<byte> payload)
    {
        // Precision(1) Height(2) Width(2) ComponentCount(1), then three bytes per component.
        if (payload.Length < 6) return PhotoInspection.Corrupt("frame header too short");
        byte precision = payload[0];
        int height = BinaryPrimitives.ReadUInt16BigEndian(payload[1..]);
        int width = BinaryPrimitives.ReadUInt16BigEndian(payload[3..]);
        int components = payload[5];
        if (components is not (1 or 3 or 4) || payload.Length != 6 + 3 * components)
            return PhotoInspection.Corrupt("frame header has a bad component list");
        if (width == 0) return PhotoInspection.Corrupt("frame width is zero");
        // Height 0 means "given later in a DNL segment": legal, but browsers do not support it.
        if (height == 0) return PhotoInspection.Unsupported("frame height deferred to DNL");
        if (precision != 8) return PhotoInspection.Unsupported($"{precision}-bit samples");
        return PhotoInspection.Accepted(PhotoFormat.Jpeg, width, height);
    }
}
