using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongjian.Domain.Orders;

namespace Gongjian.Bot.Tests.Support;

/// <summary>What staff do before residents chat about 活动 and 预约: announce activities and open rooms for booking, through the HTTP API.</summary>
public sealed class CommunityLifeRig(BotTestApp app, OrderCycle cycle)
{
    /// <summary>Announces an activity of 东七里社区 (residents and volunteers may join); returns its number.</summary>
    public async Task<string> AnnounceAsync(string title, int capacity, TimeSpan? deadlineIn = null, TimeProvider? clock = null)
    {
        var dispatcher = await app.KeyAsync(ActorRole.Dispatcher, "dongqili", "东七里社区工作人员");
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var starts = new DateTimeOffset(DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(3).ToDateTime(new TimeOnly(14, 30)), TimeSpan.FromHours(8));
        var created = await cycle.PostAsync("/api/activities", dispatcher, new
        {
            communityId = "dongqili", organiserKind = "community", title, category = "volunteer", description = "清理小区公共区域。",
            place = "东七里社区党群服务中心", startsAt = starts, endsAt = starts.AddHours(2), deadline = now + (deadlineIn ?? TimeSpan.FromDays(2)),
            capacity, audiences = new[] { "residents", "volunteers" },
        });
        var body = await created.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True((int)created.StatusCode == 201, body?.ToJsonString());
        return (string)body!["id"]!;
    }

    /// <summary>A room of 宝盛物业 serving 东七里社区, open Monday to Saturday 08:30–17:30 in one-hour slots; instant or by approval.</summary>
    public async Task<string> RoomAsync(string title, bool instant)
    {
        var liaison = await app.KeyAsync(ActorRole.Liaison, "baosheng-property", "宝盛物业联络员");
        var created = await cycle.PostAsync("/api/resources", liaison, new
        {
            kind = "venue", category = "culture", title, communityIds = new[] { "dongqili" }, availability = "提前一天预约", capacity = 30, openingHours = "周一至周六 8:30–17:30",
        });
        var body = await created.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True((int)created.StatusCode == 201, body?.ToJsonString());
        var id = (string)body!["id"]!;
        string[] days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/resources/{id}/booking-policy")
        {
            Content = JsonContent.Create(new { hours = days.Select(d => new { weekday = d, opens = "08:30", closes = "17:30" }), slotMinutes = 60, instant }),
        };
        put.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", liaison);
        var set = await app.Http.SendAsync(put);
        Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Sends each line and checks the bot's answer holds what is expected.</summary>
    public static async Task PlayAsync(DirectLineClient chat, params (string Say, string Expect)[] script)
    {
        foreach (var (say, expect) in script)
        {
            var reply = await chat.SayAsync(say);
            Assert.True(reply.Contains(expect), $"'{say}' → expected '{expect}' in:\n{reply}");
        }
    }

    /// <summary>Everything the bot said in the chat, as text.</summary>
    public static string BotSaid(DirectLineClient chat) =>
        string.Join("\n", chat.Seen.Where(DirectLineClient.IsBotMessage).Select(DirectLineClient.Describe));

    /// <summary>A day at least a week ahead that is a <paramref name="weekday"/> (Beijing), as a resident types it: “12月14日”.</summary>
    public static DateOnly Ahead(DayOfWeek weekday)
    {
        var d = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(7);
        while (d.DayOfWeek != weekday) d = d.AddDays(1);
        return d;
    }
}
