using System.Buffers.Binary;

namespace Gongjian.Media.Png;

/// <summary>
/// CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320) as PNG uses it. Written here because the library takes no
/// package references; System.IO.Hashing would be the only reason to add one. Slicing-by-8 (eight derived tables,
/// eight bytes per step) because every byte of a 10 MB PNG is checked, twice with the self-check after sanitizing.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Tables = BuildTables();

    public static uint Compute(ReadOnlySpan<byte> bytes)
    {
        var t = Tables.AsSpan();
        uint crc = 0xFFFFFFFF;
        while (bytes.Length >= 8)
        {
            uint low = crc ^ BinaryPrimitives.ReadUInt32LittleEndian(bytes);
            uint high = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
            crc = t[0x700 + (int)(low & 0xFF)] ^ t[0x600 + (int)(low >> 8 & 0xFF)]
                ^ t[0x500 + (int)(low >> 16 & 0xFF)] ^ t[0x400 + (int)(low >> 24)]
                ^ t[0x300 + (int)(high & 0xFF)] ^ t[0x200 + (int)(high >> 8 & 0xFF)]
                ^ t[0x100 + (int)(high >> 16 & 0xFF)] ^ t[(int)(high >> 24)];
            bytes = bytes[8..];
        }
        foreach (byte b in bytes) crc = t[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildTables()
    {
        var tables = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            tables[n] = c;
        }
        // Table k advances a byte through k further zero bytes, so eight lookups can be combined per step.
        for (int i = 256; i < tables.Length; i++) tables[i] = (tables[i - 256] >> 8) ^ tables[tables[i - 256] & 0xFF];
        return tables;
    }
}
