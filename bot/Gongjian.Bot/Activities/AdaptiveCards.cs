using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongjian.Bot.Activities;

/// <summary>
/// Adaptive cards for what a hero card cannot show: label/value rows (a FactSet keeps each field on its
/// own line — a hero card's text is markdown, where Web Chat joins the lines into one). Buttons are
/// <c>Action.Submit</c> with a string: Web Chat and Teams send it back as the user's own words (imBack),
/// so the bot reads a press like a typed answer. <c>fallbackText</c> is the card as plain lines for
/// channels that cannot render it.
/// </summary>
public static class AdaptiveCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static Attachment Facts(string title, IReadOnlyList<(string Label, string Value)> facts, IReadOnlyList<string> buttons)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.3",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value })]),
                }),
            ["actions"] = new JsonArray([.. buttons.Select(b => (JsonNode)new JsonObject { ["type"] = "Action.Submit", ["title"] = b, ["data"] = b })]),
            ["fallbackText"] = title + "\n" + string.Join("\n", facts.Select(f => $"{f.Label}：{f.Value}")),
        };
        // Activity JSON is source-generated: the card travels as a JsonElement, a type it knows.
        using var document = JsonDocument.Parse(card.ToJsonString());
        return new Attachment { ContentType = ContentType, Content = document.RootElement.Clone() };
    }

    /// <summary>
    /// A short list to choose from, a button per item whose title a person reads (“取消：会议室 12月14日 14:30”) while it
    /// sends the command the bot understands (“取消预约 bk…”), as a typed message would.
    /// </summary>
    public static Attachment Choices(string title, IReadOnlyList<(string Label, string Data)> choices)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.3",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["wrap"] = true }),
            ["actions"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["type"] = "Action.Submit", ["title"] = c.Label, ["data"] = c.Data })]),
            ["fallbackText"] = title + "\n" + string.Join("\n", choices.Select(c => $"{c.Label}：发送“{c.Data}”")),
        };
        using var document = JsonDocument.Parse(card.ToJsonString());
        return new Attachment { ContentType = ContentType, Content = document.RootElement.Clone() };
    }
}
