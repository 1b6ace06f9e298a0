using Gongjian.Media.Jpeg;
using Gongjian.Media.Png;
using Gongjian.Media.Webp;

namespace Gongjian.Media;

/// <summary>
/// Removes personal metadata (EXIF with GPS and serial numbers, XMP, IPTC, comments, text chunks) before a photo is
/// stored or shown publicly (PIPL). Pixel data is copied byte for byte, never re-encoded, so quality is untouched.
/// </summary>
public static class PhotoSanitizer
{
    /// <summary>
    /// Inspects the upload and, when accepted, returns a copy without metadata. Refused uploads come back with
    /// empty <see cref="SanitizedPhoto.Bytes"/> and the reason in <see cref="SanitizedPhoto.Inspection"/>.
    /// Sanitizing already-clean output returns identical bytes.
    /// </summary>
    public static SanitizedPhoto Sanitize(ReadOnlySpan<byte> data, long maxBytes = PhotoLimits.DefaultMaxBytes)
    {
        var layout = new PhotoLayout();
        var inspection = PhotoInspector.Inspect(data, maxBytes, layout);
        if (!inspection.IsAccepted) return new SanitizedPhoto(inspection, [], []);

        var removed = new List<string>();
        byte[] clean = inspection.Format switch
        {
            PhotoFormat.Jpeg => JpegSanitizer.Sanitize(data, layout.JpegParts, removed),
            PhotoFormat.Png => PngSanitizer.Sanitize(data, layout.PngChunks, removed),
            PhotoFormat.Webp => WebpSanitizer.Sanitize(data, layout.WebpChunks, removed),
            _ => throw new InvalidOperationException($"No sanitizer for {inspection.Format}."),
        };
        EnsureStillValid(inspection, clean);
        return new SanitizedPhoto(inspection, clean, removed);
    }

    // A broken image in public storage is worse than a failed upload, and it can only come from a bug here,
    // so it is an exception rather than a rejection.
    private static void EnsureStillValid(PhotoInspection original, byte[] clean)
    {
        var again = PhotoInspector.Inspect(clean, long.MaxValue);
        if (!again.IsAccepted || again.Format != original.Format
            || again.Width != original.Width || again.Height != original.Height)
            throw new InvalidOperationException(
                $"Sanitizing a valid {original.Format} produced an invalid image ({again.Detail}).");
    }
}
