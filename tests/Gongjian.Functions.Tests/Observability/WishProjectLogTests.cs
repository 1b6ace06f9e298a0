using System.Net.Http.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Observability;

/// <summary>
/// The wish and project flows with every log line captured (Debug everywhere): a resident's wish, a person's claim,
/// refusals with personal data in the body, fulfilment, erasure, and a project whose report names a resident — no
/// log line, scope, span or metric holds the resident's or the claimer's name, phone or text.
/// </summary>
[Collection(ObservabilityCollection.Name)]
public sealed class WishProjectLogTests(AzuriteFixture azurite, TelemetryFixture telemetry)
{
    private const string ResidentName = "欧阳淑芬", ResidentPhone = "13912345678", WishText = "欧阳奶奶住9号楼1单元902，想要一副老花镜，电话一三九一二三四五六七八";
    private const string PersonName = "司马志勇", PersonPhone = "13788889999";
    private const string ReportText = "为9号楼1单元902的欧阳淑芬老人上门义诊，家属电话13912345678";

    [Fact]
    public async Task Wish_and_project_flows_log_no_resident_or_claimer_data()
    {
        var sinks = new TelemetrySinks(telemetry);
        await using var app = await ObservedApp.StartAsync(azurite, sinks, "t" + Guid.NewGuid().ToString("N")[..12], seed: true);
        var keys = app.Services.GetRequiredService<StaffKeys>();
        var dispatcher = (await keys.CreateAsync(ActorRole.Dispatcher, "dongqili", "派单员", CancellationToken.None)).Key;
        var organizer = (await keys.CreateAsync(ActorRole.Organizer, "caiyuan", "组织方", CancellationToken.None)).Key;
        var health = (await keys.CreateAsync(ActorRole.Liaison, "caiyuan-health-centre", "联络员", CancellationToken.None)).Key;

        var submitted = await (await app.SendAsync(HttpMethod.Post, "/api/wishes", new
        {
            communityId = "dongqili", category = "care", text = WishText, contact = new { name = ResidentName, phone = ResidentPhone },
        })).ReadJsonAsync(201);
        var (id, code) = (submitted.GetProperty("id").GetString()!, submitted.GetProperty("trackingCode").GetString()!);
        // Refused: the public text names the resident; the claim's phone is bad.
        await (await app.SendAsync(HttpMethod.Post, $"/api/wishes/{id}/publish", new { publicText = $"{ResidentName}想要老花镜" }, dispatcher)).ShouldBeProblemAsync(400, "public_text_personal");
        await (await app.SendAsync(HttpMethod.Post, $"/api/wishes/{id}/publish", new { publicText = "一位老人想要一副老花镜。" }, dispatcher)).ReadJsonAsync(200);
        await (await app.SendAsync(HttpMethod.Post, $"/api/wishes/{id}/claim", new { kind = "volunteer", name = PersonName, phone = "1378888" })).ShouldBeProblemAsync(400, "invalid_phone");
        var claimCode = (await (await app.SendAsync(HttpMethod.Post, $"/api/wishes/{id}/claim", new { kind = "volunteer", name = PersonName, phone = PersonPhone }))
            .ReadJsonAsync(200)).GetProperty("claimCode").GetString()!;
        await (await app.SendAsync(HttpMethod.Post, $"/api/wishes/{id}/claim", new { kind = "partyMember", name = PersonName, phone = PersonPhone })).ShouldBeProblemAsync(409, "wish_already_claimed");
        var fulfil = new HttpRequestMessage(HttpMethod.Post, $"/api/wishes/{id}/fulfil")
        {
            Content = JsonContent.Create(new { note = $"已送到，{PersonName}，{PersonPhone}", photos = new[] { TestImages.PngBase64() } }),
        };
        fulfil.Headers.Add("X-Claim-Code", claimCode);
        await (await app.Http.SendAsync(fulfil)).ReadJsonAsync(200);
        await (await app.SendAsync(HttpMethod.Post, $"/api/wishes/{id}/confirm", trackingCode: code)).ReadJsonAsync(200);
        var staffView = await (await app.SendAsync(HttpMethod.Get, $"/api/wishes/{id}", key: dispatcher)).ReadJsonAsync(200);
        Assert.Equal(PersonPhone, staffView.GetProperty("claimerContact").GetProperty("phone").GetString()); // the data really went through
        await (await app.SendAsync(HttpMethod.Post, $"/api/wishes/{id}/erase", new { reason = "居民申请" }, dispatcher)).ReadJsonAsync(200);

        var project = (await (await app.SendAsync(HttpMethod.Post, "/api/projects", new
        {
            title = "健康服务在身边", category = "医疗健康", goal = "为老年人开展义诊。", needIds = Array.Empty<string>(),
            startsOn = DateTimeOffset.UtcNow.AddDays(-1), endsOn = DateTimeOffset.UtcNow.AddDays(60), unitsWanted = 1,
            milestones = new[] { new { title = "上门义诊", dueAt = DateTimeOffset.UtcNow.AddDays(30) } },
        }, organizer)).ReadJsonAsync(201)).GetProperty("id").GetString()!;
        await (await app.SendAsync(HttpMethod.Post, $"/api/projects/{project}/publish", key: organizer)).ReadJsonAsync(200);
        var claimId = (await (await app.SendAsync(HttpMethod.Post, $"/api/projects/{project}/claims", new { commitment = "每月义诊。", provideBy = DateTimeOffset.UtcNow.AddDays(20) }, health))
            .ReadJsonAsync(200)).GetProperty("claims")[0].GetProperty("claimId").GetString()!;
        await (await app.SendAsync(HttpMethod.Post, $"/api/projects/{project}/claims/{claimId}/approve", key: organizer)).ReadJsonAsync(200);
        await (await app.SendAsync(HttpMethod.Post, $"/api/projects/{project}/start", key: organizer)).ReadJsonAsync(200);
        await (await app.SendAsync(HttpMethod.Post, $"/api/projects/{project}/milestones/m1/reports", new { text = ReportText }, health)).ReadJsonAsync(200);
        await (await app.SendAsync(HttpMethod.Post, $"/api/projects/{project}/milestones/m1/reports", new { text = ReportText }, health)).ShouldBeProblemAsync(409, "milestone_reported");
        await (await app.SendAsync(HttpMethod.Get, $"/api/records", key: organizer)).ReadJsonAsync(200);

        string[] personal = [ResidentName, ResidentPhone, WishText, "一三九一二三四五六七八", "1单元902", PersonName, PersonPhone, "1378888", code, claimCode, ReportText];
        var lines = sinks.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Scope("RequestPath") == $"/api/wishes/{id}/fulfil"); // the capture saw these requests
        Assert.Contains(lines, l => l.Scope("RequestPath") == $"/api/projects/{project}/milestones/m1/reports");
        foreach (var line in lines) Assert.DoesNotContain(personal, p => line.AllText.Contains(p, StringComparison.Ordinal));
        foreach (var span in sinks.Spans) Assert.DoesNotContain(personal, p => span.AllText().Contains(p, StringComparison.Ordinal));
    }
}
