using Gongjian.Functions.Orders;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Projects;
using Gongjian.Functions.Tests.Support;
using Gongjian.Functions.Wishes;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Gongjian.Functions.Tests.Wishes.WishClient;

namespace Gongjian.Functions.Tests.Photos;

/// <summary>
/// The orphan sweep for the other modules' photos: a wish's fulfilment photos and a project's report photos that their
/// wish or project never named (a crash between upload and save, a racing command) are deleted; named ones stay.
/// </summary>
public sealed class ModuleOrphanPhotoTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Unattached_wish_and_project_photos_are_deleted_and_attached_ones_kept()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var (dispatcher, liaison, organizer) = (await app.DispatcherAsync(), await app.LiaisonAsync(), await app.OrganizerAsync());
        var photos = app.Services.GetRequiredService<PhotoStore>();
        var sanitized = PhotoStore.Prepare([Png], "photos");

        var (wish, _) = await PublishedAsync(app, dispatcher);
        await (await PostAsync(app, $"/api/wishes/{wish}/claim", new { kind = "unit" }, liaison)).ReadJsonAsync(200);
        var fulfilled = await (await PostAsync(app, $"/api/wishes/{wish}/fulfil", new { note = "书包已送到。", photos = new[] { Png } }, liaison)).ReadJsonAsync(200);
        var wishPhoto = fulfilled.GetProperty("photos")[0].GetString()!.Split('/')[^1];
        var wishOrphan = (await photos.SaveAsync(wish, sanitized, CancellationToken.None)).Single(); // a fulfilment that lost a race
        var neverSaved = WishAccess.NewId(DateTimeOffset.UtcNow); // uploaded, then the process died before the wish was saved
        var lostWish = (await photos.SaveAsync(neverSaved, sanitized, CancellationToken.None)).Single();

        var project = await ReportedProjectAsync(app, organizer);
        var projectPhoto = (await (await app.GetAsync($"/api/projects/{project}", organizer)).ReadJsonAsync(200))
            .GetProperty("milestones")[0].GetProperty("reports")[0].GetProperty("photoIds")[0].GetString()!;
        var projectOrphan = (await photos.SaveAsync(project, sanitized, CancellationToken.None)).Single();

        var clock = new MovableClock();
        clock.Advance(TimeSpan.FromDays(2));
        var sweeper = new OrphanPhotoSweeper(app.Services.GetRequiredService<PhotoUploads>(), photos, app.Services.GetRequiredService<OrderStore>(), clock,
            NullLogger<OrphanPhotoSweeper>.Instance, app.Services.GetRequiredService<ProjectStore>(), app.Services.GetRequiredService<WishStore>());
        var result = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(new OrphanPhotoSweeper.Result(5, 3, 0), result);
        var left = new List<string>();
        await foreach (var blob in app.Storage.Photos.GetBlobsAsync()) left.Add(blob.Name);
        Assert.Equal(new[] { $"{project}/{projectPhoto}", $"{wish}/{wishPhoto}" }.Order(StringComparer.Ordinal), left.Order(StringComparer.Ordinal));
        Assert.DoesNotContain($"{wish}/{wishOrphan}", left);
        Assert.DoesNotContain($"{neverSaved}/{lostWish}", left);
        Assert.DoesNotContain($"{project}/{projectOrphan}", left);
    }

    /// <summary>Published, claimed by the health centre, approved, started, and milestone m1 reported with a photo.</summary>
    private static async Task<string> ReportedProjectAsync(TestApp app, string organizer)
    {
        var health = await app.LiaisonAsync("caiyuan-health-centre");
        var created = await (await app.PostAsync("/api/projects", new
        {
            title = "健康服务在身边", category = "医疗健康", goal = "为老年人开展义诊。", needIds = Array.Empty<string>(),
            startsOn = DateTimeOffset.UtcNow.AddDays(-1), endsOn = DateTimeOffset.UtcNow.AddDays(120), unitsWanted = 1,
            milestones = new[] { new { title = "首场义诊", dueAt = DateTimeOffset.UtcNow.AddDays(30) } },
        }, organizer)).ReadJsonAsync(201);
        var id = created.GetProperty("id").GetString()!;
        await (await app.PostAsync($"/api/projects/{id}/publish", null, organizer)).ReadJsonAsync(200);
        var claimed = await (await app.PostAsync($"/api/projects/{id}/claims", new { commitment = "每月义诊。", provideBy = DateTimeOffset.UtcNow.AddDays(20) }, health)).ReadJsonAsync(200);
        var claimId = claimed.GetProperty("claims")[0].GetProperty("claimId").GetString()!;
        await (await app.PostAsync($"/api/projects/{id}/claims/{claimId}/approve", null, organizer)).ReadJsonAsync(200);
        await (await app.PostAsync($"/api/projects/{id}/start", null, organizer)).ReadJsonAsync(200);
        await (await app.PostAsync($"/api/projects/{id}/milestones/m1/reports", new { text = "首场义诊服务 40 人次。", photos = new[] { Png } }, health)).ReadJsonAsync(200);
        return id;
    }
}
