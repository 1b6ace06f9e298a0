using Gongjian.Functions.Showcases.Pages;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Projects;

/// <summary>
/// What the 项目清单 screens added (Azurite, HTTP): report photos for the staff who manage the project and the reporting unit
/// only; the public projects page with the approved units and milestone progress, no draft, no personal data.
/// </summary>
public sealed class ProjectScreensApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private const string Goal = "组织辖区医疗单位为老年人开展义诊，联系人王建国 13912345678。";
    private const string Commitment = "每月派两名医生到社区义诊，联系李医生 13700001111。";
    private const string Report = "首场义诊服务 40 人次，张大爷血压偏高已建议复查。";

    private static object NewProject(string title) => new
    {
        title, category = "医疗健康", goal = Goal, startsOn = DateTimeOffset.UtcNow.AddDays(-1), endsOn = DateTimeOffset.UtcNow.AddDays(120), unitsWanted = 2,
        milestones = new[] { new { title = "首场义诊", dueAt = DateTimeOffset.UtcNow.AddDays(30) }, new { title = "健康讲座", dueAt = DateTimeOffset.UtcNow.AddDays(60) } },
    };

    /// <summary>A project in progress: the health centre approved and reported on m1 with a photo; the law firm's claim declined.</summary>
    private async Task<(string Id, string PhotoId, string Organizer, string Health, string Law)> InProgressAsync()
    {
        var organizer = await _app.OrganizerAsync();
        var (health, law) = (await _app.LiaisonAsync("caiyuan-health-centre"), await _app.LiaisonAsync("daizong-law-firm"));
        var id = (await (await _app.PostAsync("/api/projects", NewProject("健康服务在身边"), organizer)).ReadJsonAsync(201)).GetProperty("id").GetString()!;
        await (await _app.PostAsync($"/api/projects/{id}/publish", null, organizer)).ReadJsonAsync(200);
        var claim = new { commitment = Commitment, provideBy = DateTimeOffset.UtcNow.AddDays(20) };
        var claimId = (await (await _app.PostAsync($"/api/projects/{id}/claims", claim, health)).ReadJsonAsync(200)).GetProperty("claims")[0].GetProperty("claimId").GetString()!;
        var lawClaim = (await (await _app.PostAsync($"/api/projects/{id}/claims", claim, law)).ReadJsonAsync(200)).GetProperty("claims")[0].GetProperty("claimId").GetString()!;
        await (await _app.PostAsync($"/api/projects/{id}/claims/{claimId}/approve", null, organizer)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/projects/{id}/claims/{lawClaim}/decline", new { text = "服务内容与项目不符" }, organizer)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/projects/{id}/start", null, organizer)).ReadJsonAsync(200);
        var reported = await (await _app.PostAsync($"/api/projects/{id}/milestones/m1/reports",
            new { text = Report, photos = new[] { Functions.Http.Contract.ApiExamples.PhotoBase64 } }, health)).ReadJsonAsync(200);
        var photoId = reported.GetProperty("milestones")[0].GetProperty("reports")[0].GetProperty("photoIds")[0].GetString()!;
        return (id, photoId, organizer, health, law);
    }

    [Fact]
    public async Task A_report_photo_is_for_the_managing_staff_and_the_reporting_unit_only()
    {
        var (id, photoId, organizer, health, law) = await InProgressAsync();
        var path = $"/api/projects/{id}/photos/{photoId}";

        var photo = await _app.GetAsync(path, organizer);
        Assert.Equal(200, (int)photo.StatusCode);
        Assert.StartsWith("image/", photo.Content.Headers.ContentType!.MediaType);
        Assert.True((await photo.Content.ReadAsByteArrayAsync()).Length > 0);
        Assert.True(photo.Headers.CacheControl is { Private: true, MaxAge.TotalSeconds: 3600 });
        Assert.Equal(200, (int)(await _app.GetAsync(path, health)).StatusCode);

        // Another unit of the street sees the project but not the photos of a report it did not make; nor another street; nor the public.
        await (await _app.GetAsync(path, law)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync(path, await _app.OrganizerAsync("xinhua"))).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync(path)).ShouldBeProblemAsync(401, "authentication_required");
        await (await _app.GetAsync($"/api/projects/{id}/photos/nosuchphoto", organizer)).ShouldBeProblemAsync(404, "photo_not_found");
        await (await _app.GetAsync($"/api/projects/pj000000000000/photos/{photoId}", organizer)).ShouldBeProblemAsync(404, "project_not_found");
    }

    [Fact]
    public async Task The_public_page_lists_published_projects_with_their_units_and_progress_and_nothing_personal()
    {
        var (id, photoId, organizer, _, _) = await InProgressAsync();
        var draft = (await (await _app.PostAsync("/api/projects", NewProject("还在起草的项目"), organizer)).ReadJsonAsync(201)).GetProperty("id").GetString()!;

        var response = await _app.GetAsync(PagePaths.Projects("caiyuan"));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("财源街道 · 共建项目", html);
        Assert.Contains($"data-project=\"{id}\"", html);
        Assert.Contains("健康服务在身边", html);
        Assert.Contains("认领单位（1/2）：财源街道社区卫生服务中心", html);
        Assert.Contains("<span class=\"done\">已完成</span>", html); // m1: the one approved unit reported
        Assert.Contains("0/1 家单位已填报", html); // m2: not yet
        Assert.Contains("健康讲座", html);
        Assert.Contains(PagePaths.WishWall("caiyuan"), html);
        Assert.DoesNotContain(draft, html);
        Assert.DoesNotContain("还在起草的项目", html);
        Assert.DoesNotContain("山东岱宗律师事务所", html); // declined
        foreach (var secret in new[] { Goal, "王建国", "13912345678", Commitment, "李医生", "13700001111", Report, "张大爷", photoId, "宝盛置业联络员", "服务内容与项目不符" })
            Assert.DoesNotContain(secret, html);
        Assert.DoesNotContain("<script", html);

        Assert.Equal(404, (int)(await _app.GetAsync(PagePaths.Projects("nowhere"))).StatusCode);
        // The wish wall and the showcases link to it.
        Assert.Contains(PagePaths.Projects("caiyuan"), await (await _app.GetAsync(PagePaths.WishWall("caiyuan"))).Content.ReadAsStringAsync());
        Assert.Contains(PagePaths.Projects("caiyuan"), await (await _app.GetAsync(PagePaths.Street("caiyuan"))).Content.ReadAsStringAsync());
    }
}
