using System.Text.Json;

namespace Gongjian.Bot.Activities;

/// <summary>
/// A Bot Framework activity: the one message shape of the Activity protocol. Only the fields the
/// bot reads or writes are modelled; unknown fields are ignored on input.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    /// <summary>Kept as text: channels format timestamps differently and the bot never computes with them.</summary>
    public string? Timestamp { get; init; }
    public string? ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ReplyToId { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Locale { get; init; }
    public string? InputHint { get; init; }
    public string? Name { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public SuggestedActions? SuggestedActions { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    /// <summary>Card action data (messageBack / Action.Submit) arrives here.</summary>
    public JsonElement? Value { get; init; }
    public JsonElement? ChannelData { get; init; }
    /// <summary>Mentions, places and the like; a shared location arrives as a <c>Place</c> entity (see <see cref="SharedPlace"/>).</summary>
    public IReadOnlyList<JsonElement>? Entities { get; init; }
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string Invoke = "invoke";
}

public sealed record ChannelAccount(string? Id, string? Name = null, string? Role = null);

public sealed record ConversationAccount(string? Id, string? Name = null, bool? IsGroup = null, string? ConversationType = null, string? TenantId = null);

public sealed record Attachment
{
    public string? ContentType { get; init; }
    public string? ContentUrl { get; init; }
    public string? Name { get; init; }
    public object? Content { get; init; }
}

public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions, IReadOnlyList<string>? To = null);

/// <summary>A button. <c>imBack</c> posts its value as the user's text; <c>messageBack</c> posts text and value.</summary>
public sealed record CardAction
{
    public required string Type { get; init; }
    public required string Title { get; init; }
    public object? Value { get; init; }
    public string? Text { get; init; }
    public string? DisplayText { get; init; }
}
