using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjian.Domain.Activities;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Activities;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Activities;

/// <summary>Activity requests on the test app, as organisers and people registering send them.</summary>
internal static class ActivityClient
{
    /// <summary>On the store itself (no HTTP): a unit's 义诊进社区 of two hours from <paramref name="starts"/>, announced by its liaison.</summary>
    public static async Task AnnounceUnitActivityAsync(ActivityStore store, Actor liaison, string id, string street, DateTimeOffset starts, int capacity) =>
        Assert.Null((await store.ExecuteAsync(id, new AnnounceActivity
        {
            By = liaison, ActivityId = id, CommunityId = "caiyuan-1", StreetId = street, OrganiserKind = OrganiserKind.Unit, OrganiserUnitId = liaison.Id,
            Title = "义诊进社区", Category = "health", Place = "卫生服务中心", VenueResourceId = "rs0123456789ab", StartsAt = starts, EndsAt = starts.AddHours(2),
            Deadline = starts.AddHours(-2), Capacity = capacity, Audiences = [ActivityAudience.Residents, ActivityAudience.Volunteers],
        }, CancellationToken.None)).Rejection);

    /// <summary>On the store itself: people n (居民n, phone 1390000000n, person key pkn, code hn; the third a volunteer) register in turn.</summary>
    public static async Task RegisterAsync(ActivityStore store, string id, params int[] people)
    {
        foreach (var n in people)
            Assert.Null((await store.ExecuteAsync(id, new RegisterForActivity
            {
                By = new Actor(ActorRole.Resident, "public"), PersonKey = $"pk{n}", Name = $"居民{n}", Phone = $"1390000000{n}",
                Audience = n == 3 ? ActivityAudience.Volunteers : ActivityAudience.Residents, CancelCodeHash = $"h{n}", CheckInCode = $"C00{n}",
            }, CancellationToken.None)).Rejection);
    }

    public static readonly (string Name, string Phone)[] Residents =
        [("张秀英", "13812345678"), ("李志愿", "13900001111"), ("王建国", "13700002222"), ("赵红梅", "13600003333")];

    public static object NewActivity(int capacity = 2, TimeSpan? deadlineIn = null, TimeSpan? startsIn = null, string organiserKind = "community",
        string community = "dongqili", string? unitId = null)
    {
        var now = DateTimeOffset.UtcNow;
        var starts = now + (startsIn ?? TimeSpan.FromDays(2));
        return new
        {
            communityId = community, organiserKind, unitId, title = "学雷锋志愿服务日", category = "volunteer", description = "清理小区公共区域。",
            place = "东七里社区党群服务中心", startsAt = starts, endsAt = starts.AddHours(3), deadline = now + (deadlineIn ?? TimeSpan.FromDays(1)),
            capacity, audiences = new[] { "residents", "volunteers" },
        };
    }

    public static Task<HttpResponseMessage> SendAsync(TestApp app, HttpMethod method, string path, object? body = null, string? key = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = body is string raw ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return app.Http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostAsync(TestApp app, string path, object? body = null, string? key = null, string? idempotencyKey = null) =>
        SendAsync(app, HttpMethod.Post, path, body, key, idempotencyKey);

    public static async Task<string> AnnounceAsync(TestApp app, string key, object? activity = null) =>
        (await (await PostAsync(app, "/api/activities", activity ?? NewActivity(), key)).ReadJsonAsync(201)).GetProperty("id").GetString()!;

    public static Task<HttpResponseMessage> RegisterAsync(TestApp app, string id, int person, string kind = "residents") =>
        PostAsync(app, $"/api/activities/{id}/registrations", new { name = Residents[person].Name, phone = Residents[person].Phone, kind });

    public static async Task<JsonElement> RegisteredAsync(TestApp app, string id, int person) => await (await RegisterAsync(app, id, person)).ReadJsonAsync(201);
}
