using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations;
using Gongjian.Bot.Conversations.Liaison;

namespace Gongjian.Bot.WeCom;

/// <summary>
/// A bot message as a WeCom text message: the text, a card without buttons as lines, and a question's suggested replies as
/// one line (WeCom text has no tappable replies; the standing menu is left out, "帮助" lists it). The words that name the card's buttons follow the WeCom card
/// (接单 / 婉拒), and the photo hint names WeCom's "+" instead of Web Chat's paper clip.
/// </summary>
public static class WeComText
{
    /// <summary>WeCom takes at most 2048 bytes per text message; the bot's messages are far shorter, longer ones are cut.</summary>
    public const int MaxChars = 600;

    private static readonly (string From, string To)[] Wording =
    [
        ("点“接单”或“拒单”", "点“接单”或“婉拒”"),
        ("已拒单，", "已婉拒，"),
        ("拒单原因", "婉拒原因"),
        (LiaisonTexts.AskPhoto, "请发一张办结后的现场照片（点输入框旁的“+”，选“图片”）。"),
        ("微信、企业微信点输入框旁的“+”选“位置”，网页聊天点上方的“发送位置”", "点输入框旁的“+”，选“位置”后发送"),
        ("（微信、企业微信点“+”选“位置”，网页聊天点上方的“发送位置”）", "（点输入框旁的“+”，选“位置”）"),
        (Conversations.Grid.GridReportTexts.AskPhoto, "请拍一张现场照片发给我（点输入框旁的“+”，选“拍摄”或“图片”，最多 9 张）。"),
    ];

    public static string Render(Activity a)
    {
        var lines = new List<string>();
        if (a.Text is { Length: > 0 } text) lines.Add(Reword(text));
        foreach (var attachment in a.Attachments ?? [])
        {
            if (attachment.Content is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Object } adaptive)
            {
                // A summary card (a grid worker's 格事坊 report): its lines, then its buttons as words to reply.
                lines.AddRange(WeChat.WeChatText.Blocks(adaptive));
                if (adaptive.TryGetProperty("actions", out var acts) && acts.ValueKind == System.Text.Json.JsonValueKind.Array
                    && acts.EnumerateArray().Select(x => x.TryGetProperty("title", out var t) ? t.GetString() : null).OfType<string>().ToList() is { Count: > 0 } titles)
                    lines.Add("可以回复：" + string.Join("、", titles));
                continue;
            }
            if (attachment.Content is not HeroCard hero) continue;
            lines.Add("【" + hero.Title + "】");
            if (hero.Subtitle is { Length: > 0 } sub) lines.Add(sub);
            if (hero.Text.Length > 0) lines.Add(hero.Text);
        }
        // The standing menu is not repeated under every reply ("帮助" lists it); a question's own choices are (WeCom text has no buttons).
        if (a.SuggestedActions?.Actions is { Count: > 0 } actions && actions.Select(x => x.Value as string ?? x.Title).ToList() is var words
            && !words.SequenceEqual(Texts.LiaisonMenu) && !words.SequenceEqual(Texts.Menu) && !words.SequenceEqual(Conversations.Grid.GridReportTexts.Menu))
            lines.Add("可以回复：" + string.Join("、", words));
        var all = string.Join("\n", lines.Where(l => l.Length > 0));
        return all.Length <= MaxChars ? all : all[..(MaxChars - 1)] + "…";
    }

    public static string Reword(string text)
    {
        foreach (var (from, to) in Wording) text = text.Replace(from, to);
        return text;
    }

    /// <summary>The label of a card button in WeCom: the chat's 拒单 reads 婉拒 on the card.</summary>
    public static string ButtonLabel(string title) => title == Texts.Decline ? "婉拒" : title;
}
