using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongjian.Bot.Activities;

/// <summary>
/// A location a person shared (WeChat 位置消息, a Bot Framework <c>Place</c> entity with <c>GeoCoordinates</c>):
/// the place's name as the channel resolved it and its coordinates. Personal data: it becomes the order's
/// place (shown only to those who may see the address) and is never logged.
/// </summary>
public sealed record SharedPlace(string? Name, double Latitude, double Longitude)
{
    /// <summary>What the order's 地点 reads: the name the channel gave, or the coordinates when it gave none.</summary>
    public string AsText()
    {
        var name = (Name ?? "").Trim();
        if (name.Length >= 2) return name.Length <= 100 ? name : name[..100];
        return string.Create(CultureInfo.InvariantCulture, $"位置坐标 {Latitude:F5},{Longitude:F5}");
    }

    public JsonElement ToEntity()
    {
        var entity = new JsonObject
        {
            ["type"] = "Place",
            ["name"] = Name,
            ["geo"] = new JsonObject { ["type"] = "GeoCoordinates", ["latitude"] = Latitude, ["longitude"] = Longitude },
        };
        using var document = JsonDocument.Parse(entity.ToJsonString());
        return document.RootElement.Clone();
    }

    public static SharedPlace? From(Activity activity)
    {
        foreach (var e in activity.Entities ?? [])
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Place") continue;
            if (!e.TryGetProperty("geo", out var geo) || geo.ValueKind != JsonValueKind.Object) continue;
            if (!Number(geo, "latitude", out var lat) || !Number(geo, "longitude", out var lon) || lat is < -90 or > 90 || lon is < -180 or > 180) continue;
            var name = e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            return new SharedPlace(name, lat, lon);
        }
        return null;
    }

    private static bool Number(JsonElement o, string name, out double value)
    {
        value = 0;
        return o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out value) && double.IsFinite(value);
    }
}
