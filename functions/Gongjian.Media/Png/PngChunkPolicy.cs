using static Gongjian.Media.Png.PngChunkTypes;

namespace Gongjian.Media.Png;

/// <summary>
/// Which chunks survive sanitizing. Allow-list of what affects the pixels or their colour; eXIf, tEXt, zTXt, iTXt
/// (where XMP lives), tIME, bKGD and every unknown or private ancillary chunk are dropped.
/// </summary>
internal static class PngChunkPolicy
{
    public static bool Keep(uint type) => type switch
    {
        IHDR or PLTE or IDAT or IEND => true,
        tRNS or gAMA or cHRM or sRGB or iCCP or sBIT or pHYs => true,
        // HDR colour signalling (PNG third edition): dropping it changes how the image looks on HDR screens.
        cICP or mDCV or cLLI => true,
        // APNG: animation control and frame data; frames are pixels too.
        acTL or fcTL or fdAT => true,
        _ => false,
    };
}
