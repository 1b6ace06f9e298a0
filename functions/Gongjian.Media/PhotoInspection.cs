namespace Gongjian.Media;

/// <summary>What inspecting the bytes found: an accepted photo with its real format and size, or why it was refused.</summary>
public sealed record PhotoInspection
{
    private PhotoInspection() { }

    /// <summary>Set only when accepted.</summary>
    public PhotoFormat? Format { get; private init; }
    public int Width { get; private init; }
    public int Height { get; private init; }
    /// <summary>Set only when refused.</summary>
    public PhotoRejection? Rejection { get; private init; }
    /// <summary>Which check failed, for logs. Not for the uploader: <see cref="ReasonCode"/> is the contract.</summary>
    public string? Detail { get; private init; }

    public bool IsAccepted => Rejection is null;
    public string? ReasonCode => Rejection?.Code();

    internal static PhotoInspection Accepted(PhotoFormat format, int width, int height) =>
        new() { Format = format, Width = width, Height = height };

    internal static PhotoInspection Rejected(PhotoRejection rejection, string detail) =>
        new() { Rejection = rejection, Detail = detail };

    internal static PhotoInspection Corrupt(string detail) => Rejected(PhotoRejection.CorruptImage, detail);
    internal static PhotoInspection Unsupported(string detail) => Rejected(PhotoRejection.UnsupportedFormat, detail);
}
