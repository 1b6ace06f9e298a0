using System.Globalization;
using System.Text.Json.Serialization;
using Gongjian.Domain.Community;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Open311;

/// <summary>
/// A GeoReport v2 request as Gongjian files it: service_code is the category, attribute[community]
/// the community, address_string (or lat/long when there is none) the address, last_name + first_name
/// the name (a resident who gives none is 居民), phone the phone. email, device_id and account_id are
/// not kept (no field needs them); media_url is refused: a URL is not fetched, photos need checking.
/// </summary>
public sealed record Open311PlaceRequest(string ServiceCode, string Description, string CommunityId, string Address, string Name, string Phone)
{
    private const string AttributePrefix = "attribute[";
    private const string DefaultName = "居民";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "api_key", "jurisdiction_id", "service_code", "description", "lat", "long", "address_string", "address_id",
        "first_name", "last_name", "phone", "email", "device_id", "account_id", "media_url",
    };

    public static Open311PlaceRequest From(Open311Form form)
    {
        foreach (var name in form.Names)
            if (!Known.Contains(name) && name != $"{AttributePrefix}{ServiceCatalog.CommunityAttribute}]")
                throw ApiProblem.BadRequest("unknown_parameter", name.StartsWith(AttributePrefix, StringComparison.Ordinal)
                    ? $"{Open311Form.Printable(name)} 不是该服务的属性，请查看服务定义。"
                    : $"不支持参数 {Open311Form.Printable(name)}。");
        var code = form["service_code"] ?? throw Missing("service_code", "服务类别");
        if (!ServiceCategory.IsKnown(code)) throw ApiProblem.BadRequest("unknown_service", "service_code 不存在，请先查询 services 列表。");
        if (form["media_url"] is not null)
            throw ApiProblem.BadRequest("media_not_supported", "暂不支持 media_url（不会下载外部链接），请只提交文字；居民可在聊天中补充照片。");
        var description = form["description"] ?? throw Missing("description", "诉求内容");
        var community = form[$"{AttributePrefix}{ServiceCatalog.CommunityAttribute}]"] ?? throw Missing($"attribute[{ServiceCatalog.CommunityAttribute}]", "所在社区");
        var phone = form["phone"] ?? throw Missing("phone", "联系电话");
        return new Open311PlaceRequest(code, description, community, AddressOf(form), NameOf(form["first_name"], form["last_name"]), phone);
    }

    private static string AddressOf(Open311Form form)
    {
        if (form["address_string"] is { } address) return address;
        var (lat, lon) = (form["lat"], form["long"]);
        if (lat is null && lon is null) throw Missing("address_string 或 lat/long", "地点");
        if (!Coordinate(lat, 90, out var la) || !Coordinate(lon, 180, out var lo))
            throw ApiProblem.BadRequest("invalid_location", "lat/long 须同时提供，且为有效的经纬度（WGS84 十进制度数）。");
        return string.Create(CultureInfo.InvariantCulture, $"坐标 {la:0.######},{lo:0.######}");
    }

    private static bool Coordinate(string? raw, double max, out double value) =>
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && Math.Abs(value) <= max;

    /// <summary>Chinese names are family name first (李 + 秀英 = 李秀英); other names keep the given name first.</summary>
    private static string NameOf(string? first, string? last) => (first, last) switch
    {
        (null, null) => DefaultName,
        (null, { } l) => l,
        ({ } f, null) => f,
        ({ } f, { } l) when IsCjk(f) && IsCjk(l) => l + f,
        ({ } f, { } l) => $"{f} {l}",
    };

    private static bool IsCjk(string s) => s.All(c => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' || char.IsSurrogate(c));

    private static ApiProblem Missing(string parameter, string what) =>
        ApiProblem.BadRequest("missing_parameter", $"缺少参数 {parameter}（{what}）。", parameter);
}

/// <summary>The request's fingerprint for Idempotency-Key (canonical JSON, source-generated).</summary>
[JsonSerializable(typeof(Open311PlaceRequest))]
public sealed partial class Open311Json : JsonSerializerContext;
