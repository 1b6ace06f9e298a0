using System.Text.Json.Nodes;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations;

namespace Gongjian.Bot.WeCom;

/// <summary>
/// A bot card with command buttons (the dispatched order's 接单 / 拒单) as a WeCom template card of type
/// <c>button_interaction</c>: title, order number, the summary, and buttons whose key is the command's words — a tap
/// comes back as a <c>template_card_event</c> with that key, which the bot reads like the typed command. The resident's
/// contact is not on the card: a unit sees it once it has accepted (the reply to 接单 carries it).
/// </summary>
public static class WeComCards
{
    /// <summary>WeCom's limits (characters) for the card's texts and button labels.</summary>
    public const int TitleMax = 26, DescMax = 30, SubTitleMax = 112, ButtonMax = 10;

    public static bool HasCommands(HeroCard hero) => hero.Buttons.Any(b => Words(b) is not null);

    public static JsonObject ButtonInteraction(HeroCard hero, string taskId)
    {
        var buttons = new JsonArray();
        foreach (var b in hero.Buttons)
        {
            if (Words(b) is not { } words) continue;
            buttons.Add((JsonNode)new JsonObject
            {
                ["text"] = Cut(WeComText.ButtonLabel(b.Title), ButtonMax),
                ["style"] = Intents.Parse(words, null).Kind == IntentKind.Accept ? 1 : 2,
                ["key"] = words,
            });
        }
        var facts = new JsonArray();
        foreach (var line in (hero.Subtitle ?? "").Split('\n'))
            if (line.Split('：', 2) is [var key, var value] && key.Length > 0)
                facts.Add((JsonNode)new JsonObject { ["keyname"] = Cut(key, 5), ["value"] = Cut(value, DescMax) });
        if (hero.Buttons.Any(b => Words(b) is { } w && Intents.Parse(w, null).Kind == IntentKind.Accept))
            facts.Add((JsonNode)new JsonObject { ["keyname"] = "居民电话", ["value"] = "接单后可见" });
        return new JsonObject
        {
            ["card_type"] = "button_interaction",
            ["source"] = new JsonObject { ["desc"] = "共建小助手" },
            ["main_title"] = new JsonObject { ["title"] = Cut(hero.Title, TitleMax) },
            ["sub_title_text"] = Cut(Notice(WeComText.Reword(hero.Text)), SubTitleMax),
            ["horizontal_content_list"] = facts,
            ["task_id"] = taskId,
            ["button_list"] = buttons,
        };
    }

    /// <summary>The order a card's 接单 button is for; null for a card without one.</summary>
    public static string? OrderOf(HeroCard hero) =>
        hero.Buttons.Select(Words).OfType<string>().Select(w => Intents.Parse(w, null)).FirstOrDefault(i => i.Kind == IntentKind.Accept)?.OrderId;

    /// <summary>
    /// The notice as the card's text: the card's title says it is a new order and its facts give the number, so the notice's
    /// 【新工单】 and "（工单 GJ…）" are left out, and "请尽快接单" gives way to the deadline when there is one.
    /// </summary>
    public static string Notice(string text)
    {
        text = System.Text.RegularExpressions.Regex.Replace(text, "^【新工单】|（工单 [^）]*）", "");
        return text.Replace("，请尽快接单。\n请在", "。请在");
    }

    /// <summary>The words a button stands for (a messageBack's text, an imBack's value); null for a button that only carries a form.</summary>
    private static string? Words(CardAction action) => action.Type switch
    {
        "messageBack" => action.Text,
        "imBack" => action.Value as string,
        _ => null,
    } is { Length: > 0 and <= WeComInbound.MaxKeyLength } w ? w : null;

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
