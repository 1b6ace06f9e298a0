using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongjian.Functions.Showcases;

/// <summary>
/// The JSON of showcase rows: every field written, nulls too, and read leniently, so a stored view
/// reads back whole (the API's strict options omit nulls when writing and require them when reading:
/// a showcase of an unrated order could not be read back with them).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ShowcaseView))]
[JsonSerializable(typeof(IReadOnlyList<ShowcasePhotoSource>))]
internal sealed partial class ShowcaseRowJson : JsonSerializerContext;
