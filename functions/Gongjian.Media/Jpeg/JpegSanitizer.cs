namespace Gongjian.Media.Jpeg;

/// <summary>
/// Copies a parsed JPEG, leaving out metadata segments. Scan data, tables and frame header are copied byte for
/// byte, so the decoded picture is identical; there is no re-encoding.
/// </summary>
internal static class JpegSanitizer
{
    public static byte[] Sanitize(ReadOnlySpan<byte> data, List<JpegPart> parts, List<string> removed)
    {
        var plan = new OutputPlan();
        bool orientationWritten = false;
        foreach (var part in parts)
        {
            if (part.Kind != JpegPartKind.Segment)
            {
                plan.Copy(part.Offset, part.Length);
                continue;
            }
            var payload = part.Payload(data);
            bool isApp1 = part.Marker == JpegMarkers.App1;
            if (JpegMetadataPolicy.Keep(part.Marker, payload) || (isApp1 && !orientationWritten && ExifOrientation.IsMinimal(payload)))
            {
                plan.Copy(part.Offset, part.Length);
                orientationWritten |= isApp1;
                continue;
            }
            removed.Add(JpegMetadataPolicy.Label(part.Marker, payload));
            // Orientation 1 is the default, so it needs no Exif at all. See ExifOrientation for why it is kept.
            if (isApp1 && !orientationWritten && ExifOrientation.TryRead(payload, out var orientation) && orientation != 1)
            {
                plan.Add(ExifOrientation.BuildSegment(orientation));
                orientationWritten = true;
            }
        }
        // After EOI phones append more images (MPF previews, depth maps, Motion Photo video), each with its own
        // Exif and GPS. Nothing there is part of this picture.
        if (parts[^1].End < data.Length) removed.Add("data after EOI");
        return plan.Build(data);
    }
}
