namespace Gongjian.Functions.Showcases.Pages;

/// <summary>Where the public pages live (below the Functions <c>api</c> prefix), as links inside the pages write them.</summary>
public static class PagePaths
{
    public const string StreetRoute = "pages/showcases/{streetId}";
    public const string ShowcaseRoute = "pages/showcases/{streetId}/{showcaseId}";
    public const string WishWallRoute = "pages/wishes/{streetId}";
    public const string ProjectsRoute = "pages/projects/{streetId}";

    public static string WishWall(string streetId) => $"/api/pages/wishes/{Uri.EscapeDataString(streetId)}";

    public static string Projects(string streetId) => $"/api/pages/projects/{Uri.EscapeDataString(streetId)}";

    public static string Street(string streetId, int page = 1) =>
        $"/api/pages/showcases/{Uri.EscapeDataString(streetId)}" + (page > 1 ? $"?page={page}" : "");

    public static string Showcase(string streetId, string showcaseId) =>
        $"/api/pages/showcases/{Uri.EscapeDataString(streetId)}/{Uri.EscapeDataString(showcaseId)}";

    public const string ActivitiesRoute = "pages/activities/{streetId}";
    public const string CommunityActivitiesRoute = "pages/activities/{streetId}/{communityId}";

    /// <summary>The street's upcoming activities, or one community's.</summary>
    public static string Activities(string streetId, string? communityId = null) =>
        $"/api/pages/activities/{Uri.EscapeDataString(streetId)}" + (communityId is null ? "" : $"/{Uri.EscapeDataString(communityId)}");
}
