using System.Text;
using Gongjian.Media.Png;
using Gongjian.Media.Tests.Support;
using Xunit;

namespace Gongjian.Media.Tests;

public class PngSanitizingTests
{
    [Fact]
    public void Png_with_text_and_exif_chunks_loses_them_after_sanitizing()
    {
        var png = Fixture.Load(Fixture.TextPng);
        Assert.Superset(new HashSet<string> { "eXIf", "tEXt", "zTXt", "iTXt", "tIME" }, PngBytes.Types(png).ToHashSet());

        var result = PhotoSanitizer.Sanitize(png);

        Assert.Equal(["IHDR", "gAMA", "cHRM", "IDAT", "IEND"], PngBytes.Types(result.Bytes));
        Assert.All(Fixture.PlantedStrings, planted => Assert.False(Fixture.Contains(result.Bytes, planted), planted));
        Assert.False(Fixture.Contains(result.Bytes, "date:create"), "ImageMagick's timestamps are gone too");
    }

    [Fact]
    public void Png_image_data_is_unchanged_after_sanitizing()
    {
        var png = Fixture.Load(Fixture.TextPng);

        var clean = PhotoSanitizer.Sanitize(png).Bytes;

        Assert.Equal(PngBytes.ImageData(png), PngBytes.ImageData(clean));
        Assert.Equal(PngBytes.Chunks(png)[0].Data, PngBytes.Chunks(clean)[0].Data);
    }

    [Fact]
    public void Png_colour_chunks_survive_and_private_chunks_do_not()
    {
        byte[] srgb = PngBytes.Chunk("sRGB", [0]);
        byte[] phys = PngBytes.Chunk("pHYs", [0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1]);
        byte[] privateChunk = PngBytes.Chunk("prVt", Encoding.ASCII.GetBytes("PlantedPrivate"));
        var png = PngBytes.InsertAfterHeader(Fixture.Load(Fixture.TextPng), srgb, privateChunk, phys);

        var result = PhotoSanitizer.Sanitize(png);

        Assert.Equal(["IHDR", "sRGB", "pHYs", "gAMA", "cHRM", "IDAT", "IEND"], PngBytes.Types(result.Bytes));
        Assert.Contains("prVt", result.Removed);
    }

    [Theory]
    [InlineData("acTL", true)]
    [InlineData("fcTL", true)]
    [InlineData("fdAT", true)]
    [InlineData("iCCP", true)]
    [InlineData("tRNS", true)]
    [InlineData("sBIT", true)]
    [InlineData("cICP", true)]
    [InlineData("eXIf", false)]
    [InlineData("tEXt", false)]
    [InlineData("zTXt", false)]
    [InlineData("iTXt", false)]
    [InlineData("tIME", false)]
    [InlineData("bKGD", false)]
    public void Png_chunk_policy_keeps_pixels_and_colour_only(string type, bool kept)
    {
        uint code = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(Encoding.ASCII.GetBytes(type));

        Assert.Equal(kept, PngChunkPolicy.Keep(code));
    }

    [Fact]
    public void Png_data_after_iend_is_dropped()
    {
        var png = Fixture.Load(Fixture.TextPng);

        var result = PhotoSanitizer.Sanitize(Fixture.Concat(png, Encoding.ASCII.GetBytes("PlantedTrailer")));

        Assert.Equal(PhotoSanitizer.Sanitize(png).Bytes, result.Bytes);
        Assert.Contains("data after IEND", result.Removed);
    }
}
