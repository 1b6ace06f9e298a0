using System.Text;
using Gongjian.Media.Tests.Support;
using Xunit;

namespace Gongjian.Media.Tests;

public class JpegSanitizingTests
{
    [Fact]
    public void Jpeg_with_gps_exif_loses_it_after_sanitizing()
    {
        var photo = Fixture.Load(Fixture.GpsJpeg);
        Assert.True(Fixture.Contains(photo, "Exif\0\0"));

        var clean = PhotoSanitizer.Sanitize(photo).Bytes;

        Assert.False(Fixture.Contains(clean, "Exif\0\0"));
        // GPS IFD pointer tag 0x8825, in either byte order, anywhere before the picture data.
        var header = JpegBytes.Header(clean);
        Assert.True(header.AsSpan().IndexOf([(byte)0x88, (byte)0x25]) < 0);
        Assert.True(header.AsSpan().IndexOf([(byte)0x25, (byte)0x88]) < 0);
    }

    [Fact]
    public void Jpeg_owner_serial_xmp_iptc_and_comment_are_gone_after_sanitizing()
    {
        var photo = Fixture.Load(Fixture.GpsJpeg);

        var result = PhotoSanitizer.Sanitize(photo);

        Assert.All(Fixture.PlantedStrings, planted => Assert.False(Fixture.Contains(result.Bytes, planted), planted));
        Assert.Equal(["APP1 Exif", "APP13 Photoshop/IPTC", "APP1 XMP", "COM"], result.Removed);
        Assert.Equal([0xE0, 0xDB, 0xDB, 0xC0, 0xC4, 0xC4, 0xC4, 0xC4], JpegBytes.Segments(result.Bytes).Select(s => s.Marker));
    }

    [Theory]
    [InlineData(Fixture.GpsJpeg)]
    [InlineData(Fixture.RotatedProgressiveJpeg)]
    public void Jpeg_picture_data_from_sos_to_eoi_is_unchanged(string file)
    {
        var photo = Fixture.Load(file);

        var clean = PhotoSanitizer.Sanitize(photo).Bytes;

        Assert.Equal(JpegBytes.ScanToEnd(photo), JpegBytes.ScanToEnd(clean));
    }

    [Fact]
    public void Jpeg_rotated_by_exif_keeps_only_its_orientation()
    {
        var photo = Fixture.Load(Fixture.RotatedProgressiveJpeg);

        var clean = PhotoSanitizer.Sanitize(photo).Bytes;

        // Exif header, big-endian TIFF, one IFD0 entry: Orientation (0x0112) SHORT = 6 (rotate 90° clockwise).
        byte[] expected =
        [
            .. "Exif\0\0MM\0*"u8, 0, 0, 0, 8, 0, 1,
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0,
            0, 0, 0, 0,
        ];
        var exif = Assert.Single(JpegBytes.Segments(clean), s => s.Marker == 0xE1);
        Assert.Equal(expected, exif.Payload);
        Assert.All(Fixture.PlantedStrings[..^1], planted => Assert.False(Fixture.Contains(clean, planted), planted));
    }

    [Fact]
    public void Jpeg_colour_segments_survive_and_other_app_segments_do_not()
    {
        byte[] icc = JpegBytes.Segment(0xE2, Encoding.ASCII.GetBytes("ICC_PROFILE\0\u0001\u0001fake-profile"));
        byte[] adobe = JpegBytes.Segment(0xEE, Encoding.ASCII.GetBytes("Adobe\0\u0064\0\0\0\0\u0001"));
        byte[] mpf = JpegBytes.Segment(0xE2, Encoding.ASCII.GetBytes("MPF\0PlantedMpf"));
        byte[] jfxx = JpegBytes.Segment(0xE0, Encoding.ASCII.GetBytes("JFXX\0\u0013PlantedThumb"));
        byte[] maker = JpegBytes.Segment(0xE9, Encoding.ASCII.GetBytes("PlantedMaker"));
        var photo = JpegBytes.InsertAfterSoi(Fixture.Load(Fixture.GpsJpeg), icc, mpf, jfxx, adobe, maker);

        var clean = PhotoSanitizer.Sanitize(photo).Bytes;

        Assert.True(clean.AsSpan().IndexOf(Fixture.Concat(icc, adobe)) == 2, "ICC and Adobe kept in place, right after SOI");
        Assert.False(Fixture.Contains(clean, "Planted"));
    }

    [Fact]
    public void Jpeg_data_after_eoi_is_dropped()
    {
        // Phones append preview images or Motion Photo video after EOI, each with its own Exif and GPS.
        var photo = Fixture.Load(Fixture.GpsJpeg);
        var withTrailer = Fixture.Concat(photo, Encoding.ASCII.GetBytes("PlantedTrailerExif\0\0GPS"));

        var result = PhotoSanitizer.Sanitize(withTrailer);

        Assert.True(result.IsAccepted);
        Assert.Equal(PhotoSanitizer.Sanitize(photo).Bytes, result.Bytes);
        Assert.Contains("data after EOI", result.Removed);
    }

    [Fact]
    public void Jpeg_comment_between_progressive_scans_is_dropped()
    {
        var clean = PhotoSanitizer.Sanitize(Fixture.Load(Fixture.RotatedProgressiveJpeg)).Bytes;
        int secondScan = clean.AsSpan(JpegBytes.FirstScanOffset(clean) + 2).IndexOf([(byte)0xFF, (byte)0xDA])
            + JpegBytes.FirstScanOffset(clean) + 2;
        var withComment = Fixture.Concat(
            clean[..secondScan], JpegBytes.Segment(0xFE, Encoding.ASCII.GetBytes("PlantedComment")), clean[secondScan..]);

        var result = PhotoSanitizer.Sanitize(withComment);

        Assert.Equal(clean, result.Bytes);
        Assert.Equal(["COM"], result.Removed);
    }
}
