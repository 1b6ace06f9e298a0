using System.Text.Json.Serialization;

namespace Gongjian.Bot.WeChat;

/// <summary>The channel's own JSON in table rows (a passive answer's texts), source-generated.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class WeChatJson : JsonSerializerContext;
