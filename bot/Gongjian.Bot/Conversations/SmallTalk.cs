namespace Gongjian.Bot.Conversations;

/// <summary>你好 (Hello), 在吗 (Present), 谢谢, 好的, 再见.</summary>
public enum SmallTalkKind { Hello, Present, Thanks, Okay, Bye }

/// <summary>
/// 谢谢, 好的, 你好, 再见, 在吗: answered like a person would, in the context of the conversation,
/// instead of "没太明白". Where a short word is an answer (好的 on the summary card confirms it; a comment
/// after the stars may well be 谢谢), the dialog reads it first.
/// </summary>
public static class SmallTalk
{
    private static readonly Dictionary<string, SmallTalkKind> Words = new()
    {
        ["你好"] = SmallTalkKind.Hello, ["您好"] = SmallTalkKind.Hello, ["在吗"] = SmallTalkKind.Present, ["在不在"] = SmallTalkKind.Present,
        ["在么"] = SmallTalkKind.Present, ["hi"] = SmallTalkKind.Hello, ["hello"] = SmallTalkKind.Hello, ["嗨"] = SmallTalkKind.Hello, ["喂"] = SmallTalkKind.Present,
        ["谢谢"] = SmallTalkKind.Thanks, ["谢谢你"] = SmallTalkKind.Thanks, ["谢谢您"] = SmallTalkKind.Thanks, ["多谢"] = SmallTalkKind.Thanks,
        ["感谢"] = SmallTalkKind.Thanks, ["谢了"] = SmallTalkKind.Thanks, ["辛苦了"] = SmallTalkKind.Thanks, ["麻烦你了"] = SmallTalkKind.Thanks,
        ["谢谢啦"] = SmallTalkKind.Thanks, ["好的谢谢"] = SmallTalkKind.Thanks, ["thanks"] = SmallTalkKind.Thanks,
        ["好的"] = SmallTalkKind.Okay, ["好"] = SmallTalkKind.Okay, ["好滴"] = SmallTalkKind.Okay, ["嗯嗯"] = SmallTalkKind.Okay, ["行"] = SmallTalkKind.Okay,
        ["知道了"] = SmallTalkKind.Okay, ["明白了"] = SmallTalkKind.Okay, ["收到"] = SmallTalkKind.Okay, ["ok"] = SmallTalkKind.Okay, ["好嘞"] = SmallTalkKind.Okay,
        ["再见"] = SmallTalkKind.Bye, ["拜拜"] = SmallTalkKind.Bye, ["bye"] = SmallTalkKind.Bye, ["没事了"] = SmallTalkKind.Bye, ["回头见"] = SmallTalkKind.Bye,
    };

    public static SmallTalkKind? Read(string text) => Words.TryGetValue(Intents.Bare(Intents.Normalize(text)), out var kind) ? kind : null;

    /// <summary>What the bot says back; <paramref name="busy"/>: a question is still open (it is asked again right after).</summary>
    public static string Answer(SmallTalkKind kind, ConversationData data, bool busy)
    {
        var name = Resident.ResidentName.Salutation(data.Name);
        return (kind, busy) switch
        {
            (SmallTalkKind.Hello or SmallTalkKind.Present, true) => "在的，我们接着来。",
            (SmallTalkKind.Present, false) => name is null ? "在的，您请说。" : $"在的，{name}，您请说。",
            (SmallTalkKind.Hello, false) => name is null ? "您好！有什么需要帮忙的，您请说。" : $"{name}您好！有什么需要帮忙的，您请说。",
            (SmallTalkKind.Thanks, true) => "不客气。",
            (SmallTalkKind.Thanks, false) when data.Orders.Count > 0 => "不客气！工单有进展我会在这里告诉您。",
            (SmallTalkKind.Thanks, false) => "不客气，有需要随时找我。",
            (SmallTalkKind.Okay, true) => "好的。",
            (SmallTalkKind.Okay, false) => "好的，有需要随时找我。",
            (SmallTalkKind.Bye, true) => "好的，您方便时再接着说，刚才的内容我先记着。",
            _ => name is null ? "再见，祝您生活愉快！" : $"{name}再见，祝您生活愉快！",
        };
    }
}
