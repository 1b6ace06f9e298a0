using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.Community;

namespace Gongjian.Functions.Communities;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Street))]
[JsonSerializable(typeof(CommunityArea))]
[JsonSerializable(typeof(MemberUnit))]
internal sealed partial class DirectoryJson : JsonSerializerContext;
