namespace Gongjian.Media;

/// <summary>
/// Collects the pieces of a sanitized file (ranges of the upload, plus a few rebuilt headers) and copies them once
/// into an exactly sized array: a 10 MB photo costs one allocation and one copy, not a growing stream.
/// </summary>
internal sealed class OutputPlan
{
    private readonly List<(int Offset, int Length, byte[]? Owned)> pieces = [];

    public int Length { get; private set; }

    /// <summary>A range of the source, merged with the previous one when adjacent.</summary>
    public void Copy(int offset, int length)
    {
        if (pieces.Count > 0 && pieces[^1] is { Owned: null } last && last.Offset + last.Length == offset)
            pieces[^1] = (last.Offset, last.Length + length, null);
        else
            pieces.Add((offset, length, null));
        Length += length;
    }

    /// <summary>New bytes. The array is copied at <see cref="Build"/> time, so it may still be filled in until then.</summary>
    public void Add(byte[] bytes)
    {
        pieces.Add((0, bytes.Length, bytes));
        Length += bytes.Length;
    }

    public byte[] Build(ReadOnlySpan<byte> source)
    {
        var result = GC.AllocateUninitializedArray<byte>(Length);
        int at = 0;
        foreach (var (offset, length, owned) in pieces)
        {
            var piece = owned is null ? source.Slice(offset, length) : owned;
            piece.CopyTo(result.AsSpan(at));
            at += length;
        }
        return result;
    }
}
