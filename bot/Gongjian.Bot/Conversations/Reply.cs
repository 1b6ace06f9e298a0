using Gongjian.Bot.Activities;

namespace Gongjian.Bot.Conversations;

/// <summary>One message from the bot: text, optional quick replies (suggested actions) and cards.</summary>
public sealed record Reply(string Text, IReadOnlyList<string>? Suggestions = null, IReadOnlyList<Attachment>? Attachments = null)
{
    public static implicit operator Reply(string text) => new(text);
}

/// <summary>An inbound activity with the state of its conversation.</summary>
public sealed record Turn(Activity Activity, ConversationReference Reference, ConversationData Data)
{
    public string Text => (Activity.Text ?? "").Trim();
}

/// <summary>What a turn produced: the conversation's next state and the replies to send.</summary>
public sealed record TurnResult(ConversationData Data, IReadOnlyList<Reply> Replies)
{
    public static TurnResult Say(ConversationData data, params Reply[] replies) => new(data, replies);
}
