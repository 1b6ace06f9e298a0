namespace Gongjian.Media;

public static class PhotoLimits
{
    /// <summary>10 MiB: a full-resolution phone JPEG fits; anything bigger is refused before it is parsed.</summary>
    public const long DefaultMaxBytes = 10L * 1024 * 1024;
}
