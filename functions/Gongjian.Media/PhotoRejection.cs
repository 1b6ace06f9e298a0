namespace Gongjian.Media;

/// <summary>Why an upload is not accepted as a photo. Expected bad input, so a value rather than an exception.</summary>
public enum PhotoRejection
{
    Empty,
    TooLarge,
    /// <summary>No known image signature at all, e.g. a text file renamed to .jpg.</summary>
    NotAnImage,
    /// <summary>A real image, but in a format or variant we do not serve (GIF, HEIC, TIFF, lossless JPEG...).</summary>
    UnsupportedFormat,
    /// <summary>Looks like JPEG/PNG/WebP but the structure is broken or truncated.</summary>
    CorruptImage,
}

public static class PhotoRejectionExtensions
{
    /// <summary>Stable code for API responses and logs; clients may switch on it, so never rename one.</summary>
    public static string Code(this PhotoRejection rejection) => rejection switch
    {
        PhotoRejection.Empty => "empty",
        PhotoRejection.TooLarge => "too_large",
        PhotoRejection.NotAnImage => "not_an_image",
        PhotoRejection.UnsupportedFormat => "unsupported_format",
        PhotoRejection.CorruptImage => "corrupt_image",
        _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection, null),
    };

    /// <summary>The sentence a person reads, in the same voice as the order rejections.</summary>
    public static string Message(this PhotoRejection rejection) => rejection switch
    {
        PhotoRejection.Empty => "照片文件是空的，请重新选择。",
        PhotoRejection.TooLarge => "照片文件太大，请压缩后重新上传。",
        PhotoRejection.NotAnImage => "上传的文件不是图片。",
        PhotoRejection.UnsupportedFormat => "仅支持 JPEG、PNG 和 WebP 格式的照片。",
        PhotoRejection.CorruptImage => "照片文件已损坏或不完整，请重新上传。",
        _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection, null),
    };
}
