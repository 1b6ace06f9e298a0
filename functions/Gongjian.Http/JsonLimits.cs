namespace Gongjian.Http;

/// <summary>How much JSON one route accepts: bytes on the wire and nesting depth.</summary>
public sealed record JsonLimits(long MaxBytes, int MaxDepth)
{
    /// <summary>Ordinary API bodies: a few fields of text.</summary>
    public static readonly JsonLimits Api = new(64 * 1024, 16);
}
