namespace Gongjian.Media;

/// <summary>The photo formats we accept: the ones every browser can show on a public page.</summary>
public enum PhotoFormat
{
    Jpeg,
    Png,
    Webp,
}

public static class PhotoFormatExtensions
{
    /// <summary>The Content-Type to store the blob with; derived from the detected format, never echoed from the upload.</summary>
    public static string ContentType(this PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => "image/jpeg",
        PhotoFormat.Png => "image/png",
        PhotoFormat.Webp => "image/webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>File extension with the leading dot, for blob names and downloads.</summary>
    public static string FileExtension(this PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => ".jpg",
        PhotoFormat.Png => ".png",
        PhotoFormat.Webp => ".webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
