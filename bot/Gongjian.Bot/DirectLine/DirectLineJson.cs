using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongjian.Bot.DirectLine;

/// <summary>The Direct Line 3.0 conversation object (<c>expires_in</c> is snake case in the protocol).</summary>
public sealed record DirectLineConversation(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string? StreamUrl = null);

public sealed record DirectLineResourceId([property: JsonPropertyName("id")] string Id);

/// <summary>Optional body of <c>POST /conversations</c> and <c>tokens/generate</c>: <c>{user: {id}}</c>.</summary>
public sealed record DirectLineStart(DirectLineUser? User, string? Locale);

public sealed record DirectLineUser(string? Id, string? Name);

/// <summary>
/// The answer of <c>GET …/activities</c>: written by hand there (the stored activities are JSON already), so it is
/// described with <see cref="Activities.ActivityJson"/>, whose options (nulls left out) the stored activities were written with.
/// </summary>
public sealed record DirectLineActivitySet(IReadOnlyList<Activities.Activity> Activities, string Watermark);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DirectLineConversation))]
[JsonSerializable(typeof(DirectLineResourceId))]
[JsonSerializable(typeof(DirectLineStart))]
[JsonSerializable(typeof(TokenPayload))]
public sealed partial class DirectLineJson : JsonSerializerContext;
