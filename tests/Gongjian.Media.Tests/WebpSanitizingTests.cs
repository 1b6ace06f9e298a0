using System.Text;
using Gongjian.Media.Tests.Support;
using Xunit;

namespace Gongjian.Media.Tests;

public class WebpSanitizingTests
{
    private const byte ExifAndXmpFlags = 0x08 | 0x04;

    [Fact]
    public void Webp_with_exif_and_xmp_loses_them_after_sanitizing()
    {
        var webp = Fixture.Load(Fixture.ExifWebp);
        Assert.Equal(["VP8X", "VP8 ", "EXIF", "XMP "], WebpBytes.FourCcs(webp));

        var result = PhotoSanitizer.Sanitize(webp);

        Assert.Equal(["VP8X", "VP8 "], WebpBytes.FourCcs(result.Bytes));
        Assert.Equal(0, WebpBytes.Chunks(result.Bytes)[0].Payload[0] & ExifAndXmpFlags);
        Assert.Equal((uint)result.Bytes.Length - 8, WebpBytes.RiffSize(result.Bytes));
        Assert.All(Fixture.PlantedStrings, planted => Assert.False(Fixture.Contains(result.Bytes, planted), planted));
    }

    [Fact]
    public void Webp_bitstream_is_unchanged_after_sanitizing()
    {
        var webp = Fixture.Load(Fixture.ExifWebp);

        var clean = PhotoSanitizer.Sanitize(webp).Bytes;

        Assert.Equal("VP8 ", WebpBytes.Chunks(clean)[1].FourCc);
        Assert.Equal(WebpBytes.Chunks(webp)[1].Payload, WebpBytes.Chunks(clean)[1].Payload);
    }

    [Fact]
    public void Webp_odd_sized_chunks_stay_padded_and_the_riff_size_is_fixed()
    {
        var bitstream = WebpBytes.Chunks(Fixture.Load(Fixture.ExifWebp))[1].Payload;
        byte[] header = [0x20 | ExifAndXmpFlags, 0, 0, 0, 47, 0, 0, 31, 0, 0]; // ICC + EXIF + XMP, canvas 48x32
        var webp = WebpBytes.File(
            WebpBytes.Chunk("VP8X", header),
            WebpBytes.Chunk("ICCP", [1, 2, 3], pad: 0x7F),
            WebpBytes.Chunk("VP8 ", bitstream),
            WebpBytes.Chunk("EXIF", Encoding.ASCII.GetBytes("PlantedOwnerZhangWei!")),
            WebpBytes.Chunk("XMP ", Encoding.ASCII.GetBytes("PlantedXmpCreator")));
        Assert.True(PhotoInspector.Inspect(webp).IsAccepted);

        var clean = PhotoSanitizer.Sanitize(webp).Bytes;

        byte[] expected = WebpBytes.File(
            WebpBytes.Chunk("VP8X", [0x20, 0, 0, 0, 47, 0, 0, 31, 0, 0]),
            WebpBytes.Chunk("ICCP", [1, 2, 3], pad: 0),
            WebpBytes.Chunk("VP8 ", bitstream));
        Assert.Equal(expected, clean);
    }

    [Fact]
    public void Simple_webp_keeps_only_its_bitstream()
    {
        // The simple format has no VP8X to announce metadata, so anything after the bitstream is smuggled in.
        var webp = Fixture.Load(Fixture.LosslessWebp);
        var bitstream = WebpBytes.Chunks(webp)[0].Payload;
        var smuggled = WebpBytes.File(WebpBytes.Chunk("VP8L", bitstream), WebpBytes.Chunk("EXIF", Encoding.ASCII.GetBytes("Planted")));

        var result = PhotoSanitizer.Sanitize(smuggled);

        Assert.Equal(webp, result.Bytes);
        Assert.Equal(["EXIF"], result.Removed);
    }
}
