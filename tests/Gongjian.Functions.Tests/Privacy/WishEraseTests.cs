using Gongjian.Functions.Access;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Wishes;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Engine;
using Gongjian.Functions.Tests.Support;
using Gongjian.Functions.Wishes;
using Microsoft.Extensions.DependencyInjection;
using static Gongjian.Functions.Tests.Wishes.WishClient;

namespace Gongjian.Functions.Tests.Privacy;

/// <summary>
/// PIPL for 微心愿: <c>POST /api/wishes/{id}/erase</c> (staff with a reason, or the resident) and the retention timer
/// (<c>Wishes:EraseAfter</c>) remove the resident's text and contact, a person claimer's name and phone and the
/// fulfilment photos — from every stored row of the wish, its lists and the photo files.
/// </summary>
public sealed class WishEraseTests(AzuriteFixture azurite)
{
    /// <summary>What the resident and the person claimer gave: none of it may survive erasure in storage.</summary>
    private static readonly string[] Personal = [ResidentName, ResidentPhone, PrivateText, "我孙子", PersonName, PersonPhone, "13700002222"];

    [Fact]
    public async Task Staff_erase_a_confirmed_wish_a_person_fulfilled_and_no_copy_remains()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var (dispatcher, liaison, otherDispatcher) = (await app.DispatcherAsync(), await app.LiaisonAsync(), await app.DispatcherAsync("sanlian"));
        var (id, code) = await PublishedAsync(app, dispatcher);
        var claimed = await (await PostAsync(app, $"/api/wishes/{id}/claim", new { kind = "volunteer", name = PersonName, phone = PersonPhone })).ReadJsonAsync(200);
        var claimCode = claimed.GetProperty("claimCode").GetString()!;
        await (await PostAsync(app, $"/api/wishes/{id}/fulfil", new { note = "书包已送到，有事打13700002222。", photos = new[] { Png } }, claimCode: claimCode)).ReadJsonAsync(200);
        await (await PostAsync(app, $"/api/wishes/{id}/erase", new { reason = "居民申请" }, dispatcher)).ShouldBeProblemAsync(409, "wish_not_closed");
        await (await PostAsync(app, $"/api/wishes/{id}/confirm", trackingCode: code)).ReadJsonAsync(200);
        // The test could fail: the data really is there before the erasure.
        var kept = await PartitionText(app, id);
        Assert.All([ResidentPhone, PersonName, PersonPhone], p => Assert.Contains(p, kept));
        Assert.Single(await BlobsAsync(app, id));

        await (await PostAsync(app, $"/api/wishes/{id}/erase", new { reason = "居民申请" }, liaison)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await PostAsync(app, $"/api/wishes/{id}/erase", new { reason = "居民申请" }, otherDispatcher)).ShouldBeProblemAsync(403, "outside_scope");
        await (await PostAsync(app, $"/api/wishes/{id}/erase", null, dispatcher)).ShouldBeProblemAsync(400, "reason_required");
        await (await PostAsync(app, $"/api/wishes/{id}/erase", null, claimCode: claimCode)).ShouldBeProblemAsync(403, "role_not_allowed");

        var erased = await (await PostAsync(app, $"/api/wishes/{id}/erase", new { reason = "认领人申请删除个人信息" }, dispatcher)).ReadJsonAsync(200);

        Assert.Equal(("confirmed", JsonValueKind.String), (erased.GetProperty("status").GetString(), erased.GetProperty("personalDataErasedAt").ValueKind));
        Assert.False(erased.TryGetProperty("contact", out _));
        Assert.False(erased.TryGetProperty("claimerContact", out _));
        Assert.False(erased.TryGetProperty("photos", out _));
        Assert.Equal(("", "三年级的小朋友想要一个新书包。", "爱心志愿者"), (erased.GetProperty("text").GetString(), erased.GetProperty("publicText").GetString(),
            erased.GetProperty("claimer").GetProperty("name").GetString()));
        var stored = await PartitionText(app, id);
        foreach (var p in Personal) Assert.DoesNotContain(p, stored);
        var index = await IndexTextAsync(app);
        Assert.Contains(id, index);
        foreach (var p in Personal) Assert.DoesNotContain(p, index);
        Assert.Empty(await BlobsAsync(app, id));
        // The person's record for evaluation stays, by key only.
        var history = (await app.Services.GetRequiredService<WishStore>().LoadWithHistoryAsync(id, CancellationToken.None))!;
        Assert.Equal(PersonKeys.Development.Of(PersonPhone), history.State.Claimer!.PersonKey);
        Assert.Equal(("WishPersonalDataErased", "认领人申请删除个人信息"), (history.Events[^1].GetType().Name, ((WishPersonalDataErased)history.Events[^1]).Reason));

        await (await PostAsync(app, $"/api/wishes/{id}/erase", null, trackingCode: code)).ShouldBeProblemAsync(409, "already_erased");
    }

    [Fact]
    public async Task The_resident_erases_a_withdrawn_wish_with_its_tracking_code()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var dispatcher = await app.DispatcherAsync();
        var (id, code) = await SubmitAsync(app);
        await (await PostAsync(app, $"/api/wishes/{id}/withdraw", new { reason = $"不需要了，{ResidentName}" }, trackingCode: code)).ReadJsonAsync(200);

        var erased = await (await PostAsync(app, $"/api/wishes/{id}/erase", trackingCode: code)).ReadJsonAsync(200);

        Assert.Equal(JsonValueKind.String, erased.GetProperty("personalDataErasedAt").ValueKind);
        var stored = await PartitionText(app, id);
        foreach (var p in Personal) Assert.DoesNotContain(p, stored);
        var staff = await (await app.GetAsync($"/api/wishes/{id}", dispatcher)).ReadJsonAsync(200);
        Assert.Equal(("withdrawn", ""), (staff.GetProperty("status").GetString(), staff.GetProperty("text").GetString()));
        Assert.False(staff.TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Retention_timer_erases_a_confirmed_wish_after_Wishes_EraseAfter()
    {
        await using var app = await EngineRig.StartWithTriggersAsync(azurite, "--Wishes:EraseAfter=00:00:03");
        var (dispatcher, liaison) = (await app.DispatcherAsync(), await app.LiaisonAsync());
        var (id, code) = await PublishedAsync(app, dispatcher);
        await (await PostAsync(app, $"/api/wishes/{id}/claim", new { kind = "unit" }, liaison)).ReadJsonAsync(200);
        await (await PostAsync(app, $"/api/wishes/{id}/fulfil", new { note = "书包已送到。", photos = new[] { Png } }, liaison)).ReadJsonAsync(200);
        await (await PostAsync(app, $"/api/wishes/{id}/confirm", trackingCode: code)).ReadJsonAsync(200);
        Assert.Single(await BlobsAsync(app, id));

        var store = app.Services.GetRequiredService<WishStore>();
        for (var waited = 0; waited < 600 && !await ErasedAndRelayedAsync(); waited++) await Task.Delay(100);

        var history = (await store.LoadWithHistoryAsync(id, CancellationToken.None))!;
        var erasure = Assert.IsType<WishPersonalDataErased>(history.Events[^1]);
        Assert.Equal((ActorRole.System, WishErasure.RetentionReason), (erasure.By.Role, erasure.Reason));
        var stored = await PartitionText(app, id);
        foreach (var p in Personal) Assert.DoesNotContain(p, stored);
        Assert.Empty(await BlobsAsync(app, id));
        Assert.Empty(await EngineRig.PeekAllAsync(app, QueueNames.WishTimers + "-poison"));

        async Task<bool> ErasedAndRelayedAsync() =>
            (await store.LoadAsync(id, CancellationToken.None))?.State.PersonalDataErasedAt is not null && (await BlobsAsync(app, id)).Count == 0;
    }

    /// <summary>Every stored property of every row in the wish's partition, as text (JSON's \uXXXX escapes of Chinese decoded).</summary>
    private static async Task<string> PartitionText(TestApp app, string id)
    {
        var rows = new List<string>();
        await foreach (var row in app.Storage.Table(TableNames.Wishes).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}")))
            rows.Add(string.Join("\n", row.Select(p => $"{p.Key}={p.Value}")));
        return Regex.Replace(string.Join("\n", rows), @"\\u([0-9a-fA-F]{4})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
    }

    private static async Task<List<string>> BlobsAsync(TestApp app, string id)
    {
        var names = new List<string>();
        await foreach (var blob in app.Storage.Photos.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{id}/", CancellationToken.None)) names.Add(blob.Name);
        return names;
    }
}
