namespace Gongjian.Media.Webp;

/// <summary>
/// One RIFF chunk: FourCC, little-endian payload size, payload, and a pad byte when the size is odd.
/// <see cref="Offset"/> points at the FourCC.
/// </summary>
internal readonly record struct WebpChunk(uint FourCc, int Offset, int PayloadLength)
{
    public const uint Vp8 = 'V' << 24 | 'P' << 16 | '8' << 8 | ' ';
    public const uint Vp8L = 'V' << 24 | 'P' << 16 | '8' << 8 | 'L';
    public const uint Vp8X = 'V' << 24 | 'P' << 16 | '8' << 8 | 'X';
    public const uint Alph = 'A' << 24 | 'L' << 16 | 'P' << 8 | 'H';
    public const uint Anim = 'A' << 24 | 'N' << 16 | 'I' << 8 | 'M';
    public const uint Anmf = 'A' << 24 | 'N' << 16 | 'M' << 8 | 'F';
    public const uint Iccp = 'I' << 24 | 'C' << 16 | 'C' << 8 | 'P';

    public int PaddedEnd => Offset + 8 + PayloadLength + (PayloadLength & 1);

    public ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> file) => file.Slice(Offset + 8, PayloadLength);

    /// <summary>The FourCC when printable (e.g. "EXIF", "XMP "), otherwise hex: it comes from untrusted input.</summary>
    public string Name
    {
        get
        {
            Span<char> chars = stackalloc char[4];
            for (int i = 0; i < 4; i++)
            {
                char c = (char)(byte)(FourCc >> (24 - 8 * i));
                if (c is < ' ' or > '~') return $"0x{FourCc:X8}";
                chars[i] = c;
            }
            return new string(chars);
        }
    }
}
