namespace Gongjian.Media.Webp;

/// <summary>Feature bits in the first byte of the VP8X payload.</summary>
internal static class Vp8XFlags
{
    public const byte IccProfile = 0x20;
    public const byte Alpha = 0x10;
    public const byte Exif = 0x08;
    public const byte Xmp = 0x04;
    public const byte Animation = 0x02;
}
