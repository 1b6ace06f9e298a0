namespace Gongjian.Domain.GridReports;

/// <summary>
/// A grid worker's daily check-in (签到): when and where. A check-in far from the grid's centre is kept and flagged,
/// never refused: the worker may be on an errand, and staff see the flag. The location is the worker's personal data.
/// </summary>
public static class GridCheckIn
{
    /// <summary>How far from the grid's centre, in whole metres, and whether that is beyond the grid's radius.</summary>
    public static (int Metres, bool Far) Judge(GeoPoint centre, int radiusMetres, GeoPoint at)
    {
        var metres = (int)Math.Round(centre.MetresTo(at));
        return (metres, metres > radiusMetres);
    }

    public const int NoteMax = 100;
}
