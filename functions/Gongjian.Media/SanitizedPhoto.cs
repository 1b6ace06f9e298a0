namespace Gongjian.Media;

/// <summary>The result of sanitizing: the inspection of the original upload plus the cleaned bytes to store.</summary>
public sealed class SanitizedPhoto
{
    internal SanitizedPhoto(PhotoInspection inspection, byte[] bytes, IReadOnlyList<string> removed)
    {
        Inspection = inspection;
        Bytes = bytes;
        Removed = removed;
    }

    public PhotoInspection Inspection { get; }
    /// <summary>The cleaned image; empty when the upload was refused.</summary>
    public byte[] Bytes { get; }
    /// <summary>Names of the dropped segments/chunks (e.g. "APP1 Exif", "tEXt"), for audit logs; never their content.</summary>
    public IReadOnlyList<string> Removed { get; }

    public bool IsAccepted => Inspection.IsAccepted;
}
