namespace Gongjian.Media.Jpeg;

internal static class JpegMarkers
{
    public const byte Tem = 0x01;
    public const byte Sof0 = 0xC0;
    public const byte Sof1 = 0xC1;
    public const byte Sof2 = 0xC2;
    public const byte Dht = 0xC4;
    public const byte Soi = 0xD8;
    public const byte Eoi = 0xD9;
    public const byte Sos = 0xDA;
    public const byte Dqt = 0xDB;
    public const byte Dnl = 0xDC;
    public const byte Dri = 0xDD;
    public const byte App0 = 0xE0;
    public const byte App1 = 0xE1;
    public const byte App2 = 0xE2;
    public const byte App14 = 0xEE;
    public const byte Com = 0xFE;

    public static bool IsRestart(byte marker) => marker is >= 0xD0 and <= 0xD7;
    public static bool IsApp(byte marker) => marker is >= 0xE0 and <= 0xEF;

    // Browsers decode only Huffman-coded baseline, extended and progressive frames; lossless, hierarchical and
    // arithmetic-coded JPEGs would be stored but never display.
    public static bool IsDisplayableFrame(byte marker) => marker is Sof0 or Sof1 or Sof2;

    /// <summary>Any SOFn: C0-CF except DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
    public static bool IsFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not Dht and not 0xC8 and not 0xCC;

    /// <summary>Segments a browser's decoder understands; anything else is refused rather than passed through unknown.</summary>
    public static bool IsKnownSegment(byte marker) =>
        IsDisplayableFrame(marker) || IsApp(marker) || marker is Dht or Sos or Dqt or Dnl or Dri or Com;

    /// <summary>Among markers that are not known segments: other SOFn, DAC, DHP, EXP, JPGn. Valid JPEG, just not a variant we serve.</summary>
    public static bool IsUnsupportedVariant(byte marker) => marker is (>= 0xC3 and <= 0xCF) or 0xDE or 0xDF or (>= 0xF0 and <= 0xFD);
}
