using System.Text.RegularExpressions;

namespace Gongjian.Bot.Conversations;

/// <summary>议事 by its words: “我想提个议题：…” (the words after the colon are the topic), “我的议题”.</summary>
public static partial class Intents
{
    private static readonly HashSet<string> MyTopicWords = ["我的议题", "议题进度", "查议题", "议题到哪了", "我提的议题", "议事进度"];

    private static Intent? Deliberation(string plain, string bare)
    {
        if (MyTopicWords.Contains(bare)) return new Intent(IntentKind.MyTopics);
        if (RaiseTopicPattern().Match(plain) is { Success: true } m) return new Intent(IntentKind.RaiseTopic, Code: m.Groups["text"].Value.Trim());
        return null;
    }

    /// <summary>The topic's words after “我想提个议题”, “我要提议题”, “提个议题”, “我有个议题” and a colon or comma, if any.</summary>
    [GeneratedRegex(@"^\s*(?:我想|我要|想|要)?(?:提个|提一个|提|有个|有一个)议题\s*[:：,，。]?\s*(?<text>.*)$", RegexOptions.Singleline)]
    private static partial Regex RaiseTopicPattern();
}
