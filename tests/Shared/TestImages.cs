using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Gongjian.Testing;

/// <summary>Real, valid PNG files made in code, optionally carrying a text chunk (metadata to strip).</summary>
public static class TestImages
{
    public static byte[] Png(int width = 4, int height = 3, string? text = null) =>
        Png(width, height, text, (x, y, channel) => (byte)((x * 3 + channel) * 40 + y * 70));

    /// <summary>A picture that reads as one in a screenshot: a vertical blend from <paramref name="top"/> to <paramref name="bottom"/> (RGB).</summary>
    public static byte[] Picture(int width, int height, (byte R, byte G, byte B) top, (byte R, byte G, byte B) bottom) =>
        Png(width, height, null, (_, y, channel) =>
        {
            var (a, b) = channel switch { 0 => (top.R, bottom.R), 1 => (top.G, bottom.G), _ => (top.B, bottom.B) };
            return (byte)(a + (b - a) * y / Math.Max(1, height - 1));
        });

    private static byte[] Png(int width, int height, string? text, Func<int, int, int, byte> sample)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
        Chunk(png, "IHDR", ihdr);
        if (text is not null) Chunk(png, "tEXt", Encoding.Latin1.GetBytes("Comment\0").Concat(Encoding.UTF8.GetBytes(text)).ToArray());
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
                for (var channel = 0; channel < 3; channel++) raw.WriteByte(sample(x, y, channel));
        }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw.ToArray());
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static string PngBase64(string? text = null) => Convert.ToBase64String(Png(text: text));

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typeAndData));
        s.Write(crc);
    }
}
