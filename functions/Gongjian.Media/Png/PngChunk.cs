namespace Gongjian.Media.Png;

/// <summary>One chunk: 4-byte length, 4-byte type, data, 4-byte CRC. <see cref="Offset"/> points at the length.</summary>
internal readonly record struct PngChunk(uint Type, int Offset, int DataLength)
{
    public int End => Offset + 12 + DataLength;

    public ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> file) => file[Offset..End];

    public ReadOnlySpan<byte> Data(ReadOnlySpan<byte> file) => file.Slice(Offset + 8, DataLength);

    /// <summary>Bit 5 of the first type letter: uppercase means a decoder must understand the chunk.</summary>
    public bool IsCritical => (Type & 0x2000_0000) == 0;

    public string Name => PngChunkTypes.Name(Type);
}
