using Xunit;

namespace Gongjian.Media.Tests;

public class FormatNamesTests
{
    [Theory]
    [InlineData(PhotoFormat.Jpeg, "image/jpeg", ".jpg")]
    [InlineData(PhotoFormat.Png, "image/png", ".png")]
    [InlineData(PhotoFormat.Webp, "image/webp", ".webp")]
    public void Each_format_has_its_content_type_and_extension(PhotoFormat format, string contentType, string extension)
    {
        Assert.Equal(contentType, format.ContentType());
        Assert.Equal(extension, format.FileExtension());
    }

    [Fact]
    public void Rejection_codes_are_stable()
    {
        string[] codes = [.. Enum.GetValues<PhotoRejection>().Select(r => r.Code())];

        Assert.Equal(["empty", "too_large", "not_an_image", "unsupported_format", "corrupt_image"], codes);
        Assert.All(Enum.GetValues<PhotoRejection>(), r => Assert.False(string.IsNullOrWhiteSpace(r.Message())));
    }
}
