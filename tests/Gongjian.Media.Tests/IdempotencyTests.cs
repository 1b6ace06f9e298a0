using Gongjian.Media.Tests.Support;
using Xunit;

namespace Gongjian.Media.Tests;

public class IdempotencyTests
{
    [Theory]
    [InlineData(Fixture.GpsJpeg)]
    [InlineData(Fixture.RotatedProgressiveJpeg)]
    [InlineData(Fixture.TextPng)]
    [InlineData(Fixture.ExifWebp)]
    [InlineData(Fixture.LosslessWebp)]
    public void Sanitizing_twice_changes_nothing_more(string file)
    {
        var once = PhotoSanitizer.Sanitize(Fixture.Load(file));

        var twice = PhotoSanitizer.Sanitize(once.Bytes);

        Assert.Equal(once.Bytes, twice.Bytes);
        Assert.Empty(twice.Removed);
    }

    [Fact]
    public void Clean_photo_is_returned_byte_for_byte()
    {
        var clean = Fixture.Load(Fixture.LosslessWebp);

        Assert.Equal(clean, PhotoSanitizer.Sanitize(clean).Bytes);
    }
}
