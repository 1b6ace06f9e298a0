using static Gongjian.Media.Jpeg.JpegMarkers;

namespace Gongjian.Media.Jpeg;

/// <summary>Which marker segments survive sanitizing. Allow-list: an unknown APPn is dropped, not trusted.</summary>
internal static class JpegMetadataPolicy
{
    public static bool Keep(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        // JFIF carries only density/aspect; JFXX (thumbnail) shares APP0 and is dropped.
        App0 => payload.StartsWith("JFIF\0"u8),
        // Colour profile: without it wide-gamut phone photos render with shifted colours.
        App2 => payload.StartsWith("ICC_PROFILE\0"u8),
        // Adobe's colour-transform flag decides how CMYK/YCCK data is decoded.
        App14 => payload.StartsWith("Adobe"u8),
        // Exif, XMP, IPTC/Photoshop (APP13), MPF, maker segments and comments are all metadata.
        _ => !IsApp(marker) && marker != Com,
    };

    /// <summary>Name for the audit log: the marker plus a known identifier, never the payload text itself.</summary>
    public static string Label(byte marker, ReadOnlySpan<byte> payload)
    {
        if (marker == Com) return "COM";
        string name = $"APP{marker - App0}";
        if (payload.StartsWith("Exif\0"u8)) return name + " Exif";
        if (payload.StartsWith("http://ns.adobe.com/xap/1.0/"u8) || payload.StartsWith("http://ns.adobe.com/xmp/extension/"u8))
            return name + " XMP";
        if (payload.StartsWith("Photoshop 3.0\0"u8)) return name + " Photoshop/IPTC";
        if (payload.StartsWith("MPF\0"u8)) return name + " MPF";
        return name;
    }
}
