namespace Gongjian.Bot.Desk;

/// <summary>What a liaison's conversation needs from the 项目清单 module: the projects its unit may claim, and the claim.</summary>
public interface IProjectDesk
{
    /// <summary>
    /// Published projects of the unit's street with a place left, in the unit's service categories (and 其他),
    /// that the unit has not claimed already.
    /// </summary>
    Task<IReadOnlyList<OpenProject>> OpenProjectsAsync(string unitId, CancellationToken ct);

    /// <summary>One project the unit may see, for the claim form; refused when it is not (or no longer) open to claims.</summary>
    Task<DeskResult<OpenProject>> FindAsync(string unitId, string projectId, CancellationToken ct);

    /// <summary>认领 with the unit's commitment (认领协议): what it will provide, and by which day (Beijing time).</summary>
    Task<DeskResult<OpenProject>> ClaimAsync(LiaisonActor liaison, string projectId, string commitment, DateOnly provideBy, CancellationToken ct);
}

/// <param name="EndsOn">The project's last day matters to the claim: a commitment is due on or before it.</param>
public sealed record OpenProject(
    string ProjectId, string Title, string Category, string Goal, int PlacesLeft, int UnitsWanted, DateTimeOffset StartsOn, DateTimeOffset EndsOn);
