using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Bot.Notifications;

namespace Gongjian.Functions.Engine;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Notification))]
internal sealed partial class NotificationJson : JsonSerializerContext;
