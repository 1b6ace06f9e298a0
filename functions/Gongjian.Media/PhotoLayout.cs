using Gongjian.Media.Jpeg;
using Gongjian.Media.Png;
using Gongjian.Media.Webp;

namespace Gongjian.Media;

/// <summary>Where the parser found each segment/chunk, so the sanitizer copies ranges without parsing twice.</summary>
internal sealed class PhotoLayout
{
    public List<JpegPart> JpegParts { get; } = [];
    public List<PngChunk> PngChunks { get; } = [];
    public List<WebpChunk> WebpChunks { get; } = [];
}
