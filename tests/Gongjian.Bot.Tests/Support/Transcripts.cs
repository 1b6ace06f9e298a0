using System.Text;
using System.Text.Json.Nodes;

namespace Gongjian.Bot.Tests.Support;

/// <summary>
/// A conversation as a person reads it, in Markdown: who said what, the quick-reply buttons, and each card's
/// title, rows, inputs and buttons. With GONGJIAN_TRANSCRIPTS set to a folder, a test saves its conversation there
/// (docs/transcripts holds the ones checked in); the text is also returned for assertions.
/// </summary>
public static class Transcripts
{
    public static string Render(string title, IEnumerable<(string Who, IReadOnlyList<JsonObject> Seen)> parts, string? note = null)
    {
        var sb = new StringBuilder($"# {title}\n\n");
        if (note is not null) sb.Append(note).Append("\n\n");
        foreach (var (who, seen) in parts)
        {
            sb.Append($"## {who}\n\n");
            foreach (var a in seen.Where(a => (string?)a["type"] == "message")) Append(sb, a, who);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static async Task SaveAsync(string fileName, string markdown)
    {
        if (Environment.GetEnvironmentVariable("GONGJIAN_TRANSCRIPTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, fileName), markdown);
    }

    private static void Append(StringBuilder sb, JsonObject a, string user)
    {
        var bot = DirectLineClient.IsBotMessage(a);
        var speaker = bot ? "小助手" : user;
        var text = (string?)a["text"] ?? "";
        if (!bot && text.Length == 0 && a["value"] is JsonObject value)
            text = "（在卡片上填写并提交：" + string.Join("；", value.Where(kv => kv.Key is not ("action" or "projectId")).Select(kv => $"{kv.Key} = {kv.Value}")) + "）";
        var lines = new List<string>();
        if (text.Length > 0) lines.AddRange(text.Split('\n'));
        if (!bot)
        {
            // What a person sent besides words: photos, a shared location (its name only: coordinates are personal data).
            var photos = (a["attachments"]?.AsArray() ?? []).Count(f => ((string?)f?["contentType"] ?? "").StartsWith("image/", StringComparison.Ordinal));
            if (photos > 0) lines.Add($"（发送了 {photos} 张照片）");
            foreach (var e in a["entities"]?.AsArray() ?? [])
                if ((string?)e?["type"] == "Place") lines.Add($"（发送了位置：{(string?)e!["name"] ?? "当前位置"}）");
        }
        foreach (var card in a["attachments"]?.AsArray() ?? [])
            if (card?["content"] is JsonObject content) lines.AddRange(Card(content));
        if (a["suggestedActions"]?["actions"] is JsonArray actions)
            lines.Add(string.Join(" ", actions.Select(x => $"[{(string?)x!["title"]}]")));
        if (lines.Count == 0) return;
        sb.Append($"**{speaker}**：{lines[0]}  \n");
        foreach (var line in lines.Skip(1)) sb.Append($"&emsp;{line}  \n");
        sb.Append('\n');
    }

    /// <summary>An adaptive card (or a hero card) as lines: text blocks, "label：value" rows, inputs as ▢, buttons in brackets.</summary>
    private static IEnumerable<string> Card(JsonObject card)
    {
        if (card["title"] is JsonNode heroTitle) // a hero card
        {
            yield return $"┌ {(string?)heroTitle}";
            if ((string?)card["text"] is { Length: > 0 } t) foreach (var l in t.Split('\n')) yield return "│ " + l;
            if (card["buttons"] is JsonArray hb) yield return "│ " + string.Join(" ", hb.Select(b => $"[{(string?)b!["title"]}]"));
            yield return "└";
            yield break;
        }
        yield return "┌────────";
        foreach (var line in Elements(card["body"] as JsonArray)) yield return "│ " + line;
        if (card["actions"] is JsonArray { Count: > 0 } actions) yield return "│ " + string.Join(" ", actions.Select(b => $"[{(string?)b!["title"]}]"));
        yield return "└────────";
    }

    private static IEnumerable<string> Elements(JsonArray? body)
    {
        foreach (var e in body ?? [])
        {
            switch ((string?)e!["type"])
            {
                case "TextBlock": yield return (string?)e["weight"] == "Bolder" ? $"**{(string?)e["text"]}**" : (string?)e["text"] ?? ""; break;
                case "FactSet":
                    foreach (var f in e["facts"]!.AsArray()) yield return $"{(string?)f!["title"]}：{(string?)f["value"]}";
                    break;
                case "Container":
                    yield return "";
                    foreach (var inner in Elements(e["items"] as JsonArray)) yield return inner;
                    break;
                case "ActionSet": yield return string.Join(" ", e["actions"]!.AsArray().Select(b => $"[{(string?)b!["title"]}]")); break;
                case "Input.Text": yield return $"▢ {(string?)e["placeholder"]}"; break;
                case "Input.Date": yield return $"▢ 日期（默认 {(string?)e["value"]}）"; break;
            }
        }
    }
}
