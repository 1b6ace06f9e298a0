namespace Gongjian.Media;

internal enum Sniffed
{
    NotAnImage,
    OtherImage,
    Jpeg,
    Png,
    Webp,
}

/// <summary>First look at the magic bytes. Only picks the parser; the parser then decides whether the file is sound.</summary>
internal static class FormatSniffer
{
    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];
    // Only the first four bytes: a PNG mangled by a text-mode transfer (\r\n rewritten) should read as corrupt, not as "not an image".
    private static ReadOnlySpan<byte> PngStart => [0x89, (byte)'P', (byte)'N', (byte)'G'];
    private static ReadOnlySpan<byte> JpegXlCodestream => [0xFF, 0x0A];
    private static ReadOnlySpan<byte> JpegXlContainer => [0x00, 0x00, 0x00, 0x0C, (byte)'J', (byte)'X', (byte)'L', (byte)' '];
    private static ReadOnlySpan<byte> Jpeg2000 => [0x00, 0x00, 0x00, 0x0C, (byte)'j', (byte)'P', (byte)' ', (byte)' '];

    public static Sniffed Sniff(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(JpegStart)) return Sniffed.Jpeg;
        if (data.StartsWith(PngStart)) return Sniffed.Png;
        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8)) return Sniffed.Webp;
        return IsOtherImage(data) ? Sniffed.OtherImage : Sniffed.NotAnImage;
    }

    // Recognising formats we refuse lets the client say "use JPEG" instead of "that is not a picture".
    private static bool IsOtherImage(ReadOnlySpan<byte> data) =>
        data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8)
        || data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8)
        || data.StartsWith("8BPS"u8)
        || data.StartsWith(JpegXlCodestream) || data.StartsWith(JpegXlContainer) || data.StartsWith(Jpeg2000)
        || IsBitmap(data)
        || IsHeifFamily(data);

    private static bool IsBitmap(ReadOnlySpan<byte> data) =>
        data.Length >= 14 && data.StartsWith("BM"u8) && data.Slice(6, 4).IndexOfAnyExcept((byte)0) < 0;

    // HEIC/AVIF are ISO-BMFF boxes; the brand tells a still image from an MP4 video.
    private static bool IsHeifFamily(ReadOnlySpan<byte> data)
    {
        if (data.Length < 12 || !data.Slice(4, 4).SequenceEqual("ftyp"u8)) return false;
        var brand = data.Slice(8, 4);
        return brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("hevc"u8)
            || brand.SequenceEqual("heim"u8) || brand.SequenceEqual("heis"u8) || brand.SequenceEqual("mif1"u8)
            || brand.SequenceEqual("msf1"u8) || brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8);
    }
}
