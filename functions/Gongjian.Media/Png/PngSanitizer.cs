namespace Gongjian.Media.Png;

/// <summary>
/// Copies the signature and the allowed chunks verbatim (their CRCs stay valid because nothing inside changes);
/// IDAT is untouched, so the decoded pixels are identical.
/// </summary>
internal static class PngSanitizer
{
    public static byte[] Sanitize(ReadOnlySpan<byte> data, List<PngChunk> chunks, List<string> removed)
    {
        var plan = new OutputPlan();
        plan.Copy(0, chunks[0].Offset);
        foreach (var chunk in chunks)
        {
            if (PngChunkPolicy.Keep(chunk.Type)) plan.Copy(chunk.Offset, chunk.End - chunk.Offset);
            else removed.Add(chunk.Name);
        }
        // Bytes after IEND are ignored by decoders, which makes them a hiding place; they are not part of the image.
        if (chunks[^1].End < data.Length) removed.Add("data after IEND");
        return plan.Build(data);
    }
}
