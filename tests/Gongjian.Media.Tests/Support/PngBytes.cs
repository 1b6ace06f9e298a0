using System.Buffers.Binary;
using System.Text;
using Gongjian.Media.Png;

namespace Gongjian.Media.Tests.Support;

public static class PngBytes
{
    public static List<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        var list = new List<(string, byte[])>();
        for (int pos = 8; pos < png.Length;)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos));
            list.Add((Encoding.ASCII.GetString(png, pos + 4, 4), png[(pos + 8)..(pos + 8 + length)]));
            pos += 12 + length;
        }
        return list;
    }

    public static string[] Types(byte[] png) => [.. Chunks(png).Select(c => c.Type)];

    public static byte[] ImageData(byte[] png) => [.. Chunks(png).Where(c => c.Type == "IDAT").SelectMany(c => c.Data)];

    /// <summary>A chunk with a correct CRC, so only the chunk's meaning is under test.</summary>
    public static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.Compute(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>The file with <paramref name="inserted"/> placed right after IHDR (signature 8 + IHDR 25 bytes).</summary>
    public static byte[] InsertAfterHeader(byte[] png, params byte[][] inserted) =>
        Fixture.Concat([png[..33], .. inserted, png[33..]]);
}
