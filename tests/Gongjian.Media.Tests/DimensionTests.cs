using Gongjian.Media.Tests.Support;
using Xunit;

namespace Gongjian.Media.Tests;

public class DimensionTests
{
    // Sizes as ImageMagick's identify reported them when the fixtures were made.
    [Theory]
    [InlineData(Fixture.GpsJpeg, 64, 48)]
    [InlineData(Fixture.RotatedProgressiveJpeg, 64, 48)]
    [InlineData(Fixture.TextPng, 40, 30)]
    [InlineData(Fixture.ExifWebp, 48, 32)]
    [InlineData(Fixture.LosslessWebp, 40, 30)]
    public void Pixel_size_is_read_from_the_image_header(string file, int width, int height)
    {
        var result = PhotoInspector.Inspect(Fixture.Load(file));

        Assert.Equal((width, height), (result.Width, result.Height));
    }

    [Theory]
    [InlineData(Fixture.GpsJpeg)]
    [InlineData(Fixture.RotatedProgressiveJpeg)]
    [InlineData(Fixture.TextPng)]
    [InlineData(Fixture.ExifWebp)]
    [InlineData(Fixture.LosslessWebp)]
    public void Sanitized_photo_inspects_as_valid_with_the_same_size(string file)
    {
        var original = PhotoInspector.Inspect(Fixture.Load(file));

        var clean = PhotoInspector.Inspect(PhotoSanitizer.Sanitize(Fixture.Load(file)).Bytes);

        Assert.True(clean.IsAccepted, clean.Detail);
        Assert.Equal((original.Format, original.Width, original.Height), (clean.Format, clean.Width, clean.Height));
    }
}
