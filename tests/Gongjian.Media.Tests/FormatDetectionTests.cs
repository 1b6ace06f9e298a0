using System.Text;
using Gongjian.Media.Tests.Support;
using Xunit;

namespace Gongjian.Media.Tests;

public class FormatDetectionTests
{
    [Fact]
    public void Text_file_renamed_to_jpg_is_not_an_image()
    {
        var text = Encoding.UTF8.GetBytes("这不是照片 / this is a shopping list, saved as photo.jpg\n");

        var result = PhotoInspector.Inspect(text);

        Assert.False(result.IsAccepted);
        Assert.Equal("not_an_image", result.ReasonCode);
    }

    [Fact]
    public void Png_declared_as_jpeg_is_detected_as_png()
    {
        // The upload said "image/jpeg" and "photo.jpg"; the API has no way to pass either, only the bytes count.
        var result = PhotoInspector.Inspect(Fixture.Load(Fixture.TextPng));

        Assert.True(result.IsAccepted);
        Assert.Equal(PhotoFormat.Png, result.Format);
        Assert.Equal("image/png", result.Format!.Value.ContentType());
    }

    [Theory]
    [InlineData(Fixture.GpsJpeg, PhotoFormat.Jpeg)]
    [InlineData(Fixture.RotatedProgressiveJpeg, PhotoFormat.Jpeg)]
    [InlineData(Fixture.TextPng, PhotoFormat.Png)]
    [InlineData(Fixture.ExifWebp, PhotoFormat.Webp)]
    [InlineData(Fixture.LosslessWebp, PhotoFormat.Webp)]
    public void Real_photos_are_detected_by_content(string file, PhotoFormat expected)
    {
        var result = PhotoInspector.Inspect(Fixture.Load(file));

        Assert.True(result.IsAccepted, result.Detail);
        Assert.Equal(expected, result.Format);
    }

    [Theory]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;")]
    [InlineData("II*\u0000\u0008\u0000\u0000\u0000")]
    [InlineData("\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000mif1heic")]
    public void Other_image_formats_are_unsupported_not_garbage(string header)
    {
        var result = PhotoInspector.Inspect(Encoding.Latin1.GetBytes(header));

        Assert.Equal("unsupported_format", result.ReasonCode);
    }

    [Fact]
    public void Mp4_video_is_not_an_image()
    {
        var result = PhotoInspector.Inspect(Encoding.Latin1.GetBytes("\0\0\0\u0018ftypisom\0\0\u0002\0isomiso2"));

        Assert.Equal("not_an_image", result.ReasonCode);
    }

    [Fact]
    public void Empty_upload_is_rejected_as_empty()
    {
        Assert.Equal("empty", PhotoInspector.Inspect([]).ReasonCode);
    }

    [Fact]
    public void Upload_over_the_limit_is_too_large()
    {
        var photo = Fixture.Load(Fixture.GpsJpeg);

        Assert.Equal("too_large", PhotoInspector.Inspect(photo, maxBytes: photo.Length - 1).ReasonCode);
        Assert.True(PhotoInspector.Inspect(photo, maxBytes: photo.Length).IsAccepted);
    }

    [Fact]
    public void Default_limit_is_ten_mebibytes_and_checked_before_parsing()
    {
        var justOver = new byte[10 * 1024 * 1024 + 1];
        Fixture.Load(Fixture.GpsJpeg).CopyTo(justOver, 0);

        Assert.Equal(10L * 1024 * 1024, PhotoLimits.DefaultMaxBytes);
        Assert.Equal("too_large", PhotoInspector.Inspect(justOver).ReasonCode);
        Assert.Equal("too_large", PhotoSanitizer.Sanitize(justOver).Inspection.ReasonCode);
    }
}
