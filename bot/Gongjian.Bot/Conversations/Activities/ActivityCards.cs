using System.Text.Json;
using System.Text.Json.Nodes;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.Activities;

/// <summary>
/// The list of coming activities: a row per activity (time, place, places left or the waiting list, the deadline) and a
/// 报名 button that sends “报名活动 HD…” (a channel without cards reads the same words in the fallback text).
/// </summary>
public static class ActivityCards
{
    public const int Shown = 8;

    public static Reply List(string community, IReadOnlyList<UpcomingActivity> activities)
    {
        var body = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = ActivityTexts.CardTitle(community), ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true });
        foreach (var a in activities.Take(Shown))
        {
            var items = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = a.Title, ["weight"] = "Bolder", ["wrap"] = true },
                Facts([("时间", Beijing.Span(a.StartsAt, a.EndsAt)), ("地点", a.Place), ("名额", Places(a)), ("报名", Deadline(a))]));
            if (a.Open)
                items.Add((JsonNode)new JsonObject
                {
                    ["type"] = "ActionSet",
                    ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Submit", ["title"] = a.Registered >= a.Capacity ? "报名候补" : "报名", ["data"] = Join(a.ActivityId) }),
                });
            body.Add((JsonNode)new JsonObject { ["type"] = "Container", ["separator"] = true, ["spacing"] = "Medium", ["items"] = items });
        }
        var fallback = ActivityTexts.CardTitle(community) + "\n" + string.Join("\n", activities.Take(Shown).Select((a, i) =>
            $"{i + 1}. {a.Title}（{Beijing.Span(a.StartsAt, a.EndsAt)}，{a.Place}，{Places(a)}）" + (a.Open ? $"：发送“{Join(a.ActivityId)}”" : "：报名已截止")));
        return new Reply(ActivityTexts.ListIntro(community), null, [Card(body, fallback)]);
    }

    public static string Join(string activityId) => $"{ActivityTexts.JoinWord} {activityId}";

    private static string Places(UpcomingActivity a) => a.Registered >= a.Capacity
        ? "已报满" + (a.Waiting > 0 ? $"，{a.Waiting} 人候补" : "，可报名候补")
        : $"还剩 {a.Capacity - a.Registered} 个（共 {a.Capacity} 个）";

    private static string Deadline(UpcomingActivity a) => a.Open ? $"{Beijing.At(a.Deadline)}截止" : "报名已截止";

    private static JsonObject Facts(IEnumerable<(string Label, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value })]),
    };

    public static Attachment Card(JsonArray body, string fallback)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard", ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json", ["version"] = "1.3",
            ["body"] = body, ["actions"] = new JsonArray(), ["fallbackText"] = fallback,
        };
        using var document = JsonDocument.Parse(card.ToJsonString());
        return new Attachment { ContentType = AdaptiveCards.ContentType, Content = document.RootElement.Clone() };
    }
}
