using Gongjian.Media.Tests.Support;
using Xunit;

namespace Gongjian.Media.Tests;

public class CorruptInputTests
{
    [Theory]
    [InlineData(Fixture.GpsJpeg)]
    [InlineData(Fixture.RotatedProgressiveJpeg)]
    [InlineData(Fixture.TextPng)]
    [InlineData(Fixture.ExifWebp)]
    [InlineData(Fixture.LosslessWebp)]
    public void Every_truncation_of_a_photo_is_rejected(string file)
    {
        var photo = Fixture.Load(file);

        // Every cut, not a sample: an interrupted mobile upload can stop at any byte.
        for (int length = 12; length < photo.Length; length++)
        {
            var result = PhotoInspector.Inspect(photo.AsSpan(0, length));
            Assert.True(result.ReasonCode == "corrupt_image", $"cut at {length}: {result.ReasonCode} {result.Detail}");
        }
    }

    [Fact]
    public void Jpeg_start_followed_by_garbage_is_corrupt()
    {
        var garbage = new byte[4096];
        new Random(20240501).NextBytes(garbage);
        garbage[0] = 0xFF;
        garbage[1] = 0xD8;
        garbage[2] = 0xFF;

        Assert.Equal("corrupt_image", PhotoInspector.Inspect(garbage).ReasonCode);
    }

    [Fact]
    public void Jpeg_without_a_frame_header_is_corrupt()
    {
        byte[] onlyMarkers = [0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x04, 0x68, 0x69, 0xFF, 0xD9];

        Assert.Equal("corrupt_image", PhotoInspector.Inspect(onlyMarkers).ReasonCode);
    }

    [Fact]
    public void Lossless_jpeg_is_unsupported_because_browsers_cannot_show_it()
    {
        var photo = Fixture.Load(Fixture.GpsJpeg);
        int frame = photo.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        photo[frame + 1] = 0xC3;

        Assert.Equal("unsupported_format", PhotoInspector.Inspect(photo).ReasonCode);
    }

    [Fact]
    public void Png_with_a_flipped_bit_in_image_data_fails_its_crc()
    {
        var png = Fixture.Load(Fixture.TextPng);
        int idat = png.AsSpan().IndexOf("IDAT"u8);
        png[idat + 100] ^= 0x10;

        var result = PhotoInspector.Inspect(png);

        Assert.Equal("corrupt_image", result.ReasonCode);
        Assert.Contains("CRC", result.Detail);
    }

    [Fact]
    public void Png_mangled_by_text_mode_transfer_is_corrupt()
    {
        var png = Fixture.Load(Fixture.TextPng);
        byte[] mangled = Fixture.Concat(png[..4], [0x0A], png[6..]); // \r\n became \n

        Assert.Equal("corrupt_image", PhotoInspector.Inspect(mangled).ReasonCode);
    }

    [Fact]
    public void Png_with_an_unknown_critical_chunk_is_unsupported()
    {
        var png = PngBytes.InsertAfterHeader(Fixture.Load(Fixture.TextPng), PngBytes.Chunk("ZZZZ", [1, 2, 3]));

        Assert.Equal("unsupported_format", PhotoInspector.Inspect(png).ReasonCode);
    }

    [Fact]
    public void Webp_whose_riff_size_exceeds_the_file_is_corrupt()
    {
        var webp = Fixture.Load(Fixture.LosslessWebp);
        webp[4] += 2;

        Assert.Equal("corrupt_image", PhotoInspector.Inspect(webp).ReasonCode);
    }

    [Fact]
    public void Webp_with_a_broken_vp8_start_code_is_corrupt()
    {
        var webp = Fixture.Load(Fixture.ExifWebp);
        int vp8 = webp.AsSpan().IndexOf("VP8 "u8);
        webp[vp8 + 8 + 3] = 0x00;

        Assert.Equal("corrupt_image", PhotoInspector.Inspect(webp).ReasonCode);
    }

    [Fact]
    public void Webp_whose_canvas_differs_from_its_image_is_corrupt()
    {
        var webp = Fixture.Load(Fixture.ExifWebp);
        int vp8x = webp.AsSpan().IndexOf("VP8X"u8);
        webp[vp8x + 8 + 4] += 1; // canvas width - 1, low byte

        Assert.Equal("corrupt_image", PhotoInspector.Inspect(webp).ReasonCode);
    }

    [Fact]
    public void Rejected_upload_is_not_sanitized()
    {
        var result = PhotoSanitizer.Sanitize(Fixture.Load(Fixture.GpsJpeg).AsSpan(0, 1000));

        Assert.False(result.IsAccepted);
        Assert.Empty(result.Bytes);
        Assert.Equal("corrupt_image", result.Inspection.ReasonCode);
    }
}
