namespace Gongjian.Media.Jpeg;

internal enum JpegPartKind
{
    /// <summary>SOI, EOI or TEM: a marker without a length field.</summary>
    Marker,
    /// <summary>A marker with a length field and payload (APPn, DQT, SOFn, SOS...).</summary>
    Segment,
    /// <summary>Compressed scan data after an SOS, restart markers included.</summary>
    EntropyData,
}

/// <summary>
/// One byte range of a JPEG. Ranges are contiguous (fill bytes belong to the marker they precede), so writing the
/// kept parts in order reproduces the file exactly, minus what was dropped.
/// </summary>
internal readonly record struct JpegPart(JpegPartKind Kind, byte Marker, int Offset, int Length, int PayloadOffset)
{
    public int End => Offset + Length;

    public ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> file) => file.Slice(Offset, Length);

    /// <summary>The segment content after the two length bytes.</summary>
    public ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> file) => file[PayloadOffset..End];
}
