using System.Text.Json;
using System.Text.Json.Nodes;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.Liaison;

/// <summary>
/// The list card of open projects (a row per project: title, category, places left, period; a 认领 button that
/// sends “认领项目 pj…”) and the claim form (认领协议: what the unit will provide, by which day) whose
/// <c>Action.Submit</c> sends the inputs with <c>{action: "claimProject", projectId}</c> in the activity's value.
/// </summary>
public static class ProjectCards
{
    public static Reply List(IReadOnlyList<OpenProject> projects)
    {
        var body = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "可认领的项目", ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true });
        foreach (var p in projects)
            body.Add((JsonNode)new JsonObject
            {
                ["type"] = "Container", ["separator"] = true, ["spacing"] = "Medium",
                ["items"] = new JsonArray(
                    new JsonObject { ["type"] = "TextBlock", ["text"] = p.Title, ["weight"] = "Bolder", ["wrap"] = true },
                    Facts(Row(p)),
                    new JsonObject
                    {
                        ["type"] = "ActionSet",
                        ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Submit", ["title"] = "认领", ["data"] = $"认领项目 {p.ProjectId}" }),
                    }),
            });
        var fallback = "可认领的项目\n" + string.Join("\n", projects.Select((p, i) =>
            $"{i + 1}. {p.Title}（{p.Category}，剩余 {p.PlacesLeft} 个名额，{ProjectChatTexts.Period(p.StartsOn, p.EndsOn)}）：发送“认领项目 {p.ProjectId}”"));
        return new Reply(ProjectChatTexts.ListIntro, null, [Card(body, new JsonArray(), fallback)]);
    }

    /// <summary>The 认领协议 form for one project; the provide-by day defaults to the project's last day and may not pass it.</summary>
    public static Reply ClaimForm(OpenProject p, DateOnly today)
    {
        var last = DateOnly.FromDateTime(ProjectChatTexts.Local(p.EndsOn).DateTime);
        var body = new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["text"] = $"认领协议：{p.Title}", ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            Facts([.. Row(p), ("项目目标", p.Goal)]),
            new JsonObject { ["type"] = "TextBlock", ["text"] = "本单位将提供", ["wrap"] = true, ["spacing"] = "Medium" },
            new JsonObject
            {
                ["type"] = "Input.Text", ["id"] = "commitment", ["isMultiline"] = true, ["maxLength"] = 500,
                ["placeholder"] = "例如：每月派 2 名医生到社区义诊一次，提供血压、血糖检测",
            },
            new JsonObject { ["type"] = "TextBlock", ["text"] = $"预计完成日期（最晚 {last:M月d日}）", ["wrap"] = true },
            new JsonObject
            {
                ["type"] = "Input.Date", ["id"] = "provideBy", ["value"] = last.ToString("yyyy-MM-dd"),
                ["min"] = today.ToString("yyyy-MM-dd"), ["max"] = last.ToString("yyyy-MM-dd"),
            });
        var actions = new JsonArray(
            new JsonObject { ["type"] = "Action.Submit", ["title"] = "提交认领", ["data"] = new JsonObject { ["action"] = "claimProject", ["projectId"] = p.ProjectId } },
            new JsonObject { ["type"] = "Action.Submit", ["title"] = Texts.Cancel, ["data"] = Texts.Cancel });
        var fallback = $"认领协议：{p.Title}\n{ProjectChatTexts.AskCommitment}";
        return new Reply(ProjectChatTexts.FormIntro, null, [Card(body, actions, fallback)]);
    }

    private static (string, string)[] Row(OpenProject p) =>
    [
        ("类别", p.Category),
        ("剩余名额", $"{p.PlacesLeft} 个（共 {p.UnitsWanted} 个）"),
        ("周期", ProjectChatTexts.Period(p.StartsOn, p.EndsOn)),
    ];

    private static JsonObject Facts(IEnumerable<(string Label, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value })]),
    };

    private static Attachment Card(JsonArray body, JsonArray actions, string fallback)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard", ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json", ["version"] = "1.3",
            ["body"] = body, ["actions"] = actions, ["fallbackText"] = fallback,
        };
        using var document = JsonDocument.Parse(card.ToJsonString());
        return new Attachment { ContentType = AdaptiveCards.ContentType, Content = document.RootElement.Clone() };
    }
}
