using System.Text;

namespace Gongjian.Media.Tests.Support;

/// <summary>The sample files and the strings planted in their metadata (see Fixtures/README.md).</summary>
public static class Fixture
{
    public const string GpsJpeg = "jpeg_gps_exif.jpg";
    public const string RotatedProgressiveJpeg = "jpeg_progressive_rotated.jpg";
    public const string TextPng = "png_text_exif.png";
    public const string ExifWebp = "webp_exif.webp";
    public const string LosslessWebp = "webp_lossless.webp";

    public static readonly string[] All = [GpsJpeg, RotatedProgressiveJpeg, TextPng, ExifWebp, LosslessWebp];

    /// <summary>Owner, serial, XMP creator, IPTC by-line, comments: all must be gone after sanitizing.</summary>
    public static readonly string[] PlantedStrings =
    [
        "PlantedOwnerZhangWei", "PlantedSerial998877", "PlantedMake", "PlantedXmpCreator", "PlantedIptcByline",
        "PlantedComment", "PlantedPngAuthor", "http://ns.adobe.com/xap/1.0/", "Exif\0\0",
    ];

    public static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
