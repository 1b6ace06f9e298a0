using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongjian.Bot.Activities;

/// <summary>
/// JSON of the Activity protocol: camelCase, nulls left out, unknown fields ignored (channels add
/// fields freely). Source-generated, so no reflection at run time.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(HeroCard))]
[JsonSerializable(typeof(CardActionData))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(DirectLine.DirectLineActivitySet))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
public sealed partial class ActivityJson : JsonSerializerContext;

/// <summary>What the Connector answers to a sent activity.</summary>
public sealed record ResourceResponse(string? Id);
