using Gongjian.Media.Jpeg;
using Gongjian.Media.Png;
using Gongjian.Media.Webp;

namespace Gongjian.Media;

/// <summary>Decides what an upload really is from its bytes alone; file names and declared content types are never trusted.</summary>
public static class PhotoInspector
{
    /// <summary>
    /// Detects JPEG, PNG or WebP by content, checks the structure end to end and reads the pixel size.
    /// Bad input gives a rejected <see cref="PhotoInspection"/>, never an exception.
    /// </summary>
    public static PhotoInspection Inspect(ReadOnlySpan<byte> data, long maxBytes = PhotoLimits.DefaultMaxBytes) =>
        Inspect(data, maxBytes, new PhotoLayout());

    internal static PhotoInspection Inspect(ReadOnlySpan<byte> data, long maxBytes, PhotoLayout layout)
    {
        if (data.IsEmpty) return PhotoInspection.Rejected(PhotoRejection.Empty, "no bytes");
        // Checked before any parsing so an oversized upload costs nothing.
        if (data.Length > maxBytes)
            return PhotoInspection.Rejected(PhotoRejection.TooLarge, $"{data.Length} bytes, limit {maxBytes}");

        return FormatSniffer.Sniff(data) switch
        {
            Sniffed.Jpeg => JpegParser.Parse(data, layout.JpegParts),
            Sniffed.Png => PngParser.Parse(data, layout.PngChunks),
            Sniffed.Webp => WebpParser.Parse(data, layout.WebpChunks),
            Sniffed.OtherImage => PhotoInspection.Unsupported("image format other than JPEG, PNG or WebP"),
            _ => PhotoInspection.Rejected(PhotoRejection.NotAnImage, "no known image signature"),
        };
    }
}
