using System.Text;
using System.Text.Json;
using Gongjian.Bot.Activities;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// A bot message as a WeChat text message: the text, each card as lines (title, rows, buttons), and buttons as
/// 菜单链接 (<c>weixin://bizmsgmenu</c>) — tapping one sends its words back as the resident's message, like a
/// typed answer. A card button that only carries a form (no words) cannot be tapped in WeChat and is left out.
/// </summary>
public static class WeChatText
{
    /// <summary>WeChat takes at most 2048 bytes per text message; longer ones are cut at a character boundary.</summary>
    public const int MaxBytes = 2000;

    public static string Render(Activity a)
    {
        var lines = new List<string>();
        if (a.Text is { Length: > 0 } text) lines.Add(text);
        foreach (var attachment in a.Attachments ?? [])
            lines.AddRange(Card(attachment));
        if (a.SuggestedActions?.Actions is { Count: > 0 } actions)
            lines.Add(string.Join("  ", actions.Select((x, i) => Link(x.Title, Words(x) ?? x.Title, i + 1))));
        return Cut(string.Join("\n", lines.Where(l => l.Length > 0)));
    }

    public static string Link(string title, string words, int id) =>
        $"<a href=\"weixin://bizmsgmenu?msgmenucontent={Clean(words)}&msgmenuid={id}\">{Clean(title)}</a>";

    private static string Clean(string s) => s.Replace("\"", "").Replace("<", "").Replace(">", "").Replace("&", "＆");

    private static string? Words(CardAction action) => action.Type switch
    {
        "messageBack" => action.Text,
        _ => action.Value as string,
    };

    private static IEnumerable<string> Card(Attachment attachment)
    {
        switch (attachment.Content)
        {
            case HeroCard hero:
                yield return "【" + hero.Title + "】";
                if (hero.Subtitle is { Length: > 0 } sub) yield return sub;
                if (hero.Text.Length > 0) yield return hero.Text;
                var buttons = hero.Buttons.Select((b, i) => Words(b) is { } w ? Link(b.Title, w, i + 1) : null).OfType<string>().ToList();
                if (buttons.Count > 0) yield return string.Join("  ", buttons);
                break;
            case JsonElement { ValueKind: JsonValueKind.Object } adaptive:
                if (adaptive.TryGetProperty("fallbackText", out var fallback) && fallback.ValueKind == JsonValueKind.String)
                    yield return fallback.GetString()!;
                else foreach (var line in Blocks(adaptive)) yield return line;
                var submits = new List<string>();
                if (adaptive.TryGetProperty("actions", out var acts) && acts.ValueKind == JsonValueKind.Array)
                    foreach (var act in acts.EnumerateArray())
                        if (act.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String && act.TryGetProperty("title", out var title))
                            submits.Add(Link(title.GetString() ?? "", data.GetString()!, submits.Count + 1));
                if (submits.Count > 0) yield return string.Join("  ", submits);
                break;
        }
    }

    /// <summary>An adaptive card's text blocks and "label：value" facts as lines (the WeCom text of a card says the same).</summary>
    internal static IEnumerable<string> Blocks(JsonElement card)
    {
        if (!card.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Array) yield break;
        foreach (var e in body.EnumerateArray())
        {
            if (e.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String) yield return t.GetString()!;
            if (e.TryGetProperty("facts", out var facts) && facts.ValueKind == JsonValueKind.Array)
                foreach (var f in facts.EnumerateArray())
                    yield return $"{f.GetProperty("title").GetString()}：{f.GetProperty("value").GetString()}";
        }
    }

    private static string Cut(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) <= MaxBytes) return text;
        var sb = new StringBuilder();
        var bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > MaxBytes - 3) break;
            sb.Append(rune.ToString());
            bytes += rune.Utf8SequenceLength;
        }
        return sb.Append('…').ToString();
    }
}
