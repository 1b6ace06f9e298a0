using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations;
using Gongjian.Bot.Notifications;

namespace Gongjian.Bot.Storage;

/// <summary>
/// JSON of what the bot stores and receives: conversation state and engine notifications. Enums are
/// strings; reading them ignores case, so "resident" and "Resident" are both understood.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConversationData))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(Notification))]
public sealed partial class BotJson : JsonSerializerContext;
