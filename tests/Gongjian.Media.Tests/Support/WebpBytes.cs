using System.Buffers.Binary;
using System.Text;

namespace Gongjian.Media.Tests.Support;

public static class WebpBytes
{
    public static List<(string FourCc, byte[] Payload)> Chunks(byte[] webp)
    {
        var list = new List<(string, byte[])>();
        for (int pos = 12; pos < webp.Length;)
        {
            int size = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(pos + 4));
            list.Add((Encoding.ASCII.GetString(webp, pos, 4), webp[(pos + 8)..(pos + 8 + size)]));
            pos += 8 + size + (size & 1);
        }
        return list;
    }

    public static string[] FourCcs(byte[] webp) => [.. Chunks(webp).Select(c => c.FourCc)];

    public static uint RiffSize(byte[] webp) => BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(4));

    public static byte[] Chunk(string fourCc, byte[] payload, byte pad = 0)
    {
        var chunk = new byte[8 + payload.Length + (payload.Length & 1)];
        Encoding.ASCII.GetBytes(fourCc).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(chunk, 8);
        if ((payload.Length & 1) == 1) chunk[^1] = pad;
        return chunk;
    }

    /// <summary>A RIFF/WEBP file from whole chunks, with a correct RIFF size.</summary>
    public static byte[] File(params byte[][] chunks)
    {
        byte[] body = Fixture.Concat(chunks);
        var header = new byte[12];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)(body.Length + 4));
        Encoding.ASCII.GetBytes("WEBP").CopyTo(header, 8);
        return Fixture.Concat(header, body);
    }
}
