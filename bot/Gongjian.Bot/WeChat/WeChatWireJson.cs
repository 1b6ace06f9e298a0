using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// The WeChat and WeCom server APIs' bodies, read and written as plain JSON objects (their fields are the platforms' own,
/// snake_case, and only a few are looked at). Generated metadata, so the HTTP calls need no reflection (Native AOT).
/// </summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class WeChatWireJson : JsonSerializerContext;
