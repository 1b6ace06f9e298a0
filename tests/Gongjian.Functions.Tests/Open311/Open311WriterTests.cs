using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Gongjian.Functions.Open311;

namespace Gongjian.Functions.Tests.Open311;

/// <summary>One document, two formats: the same content in JSON and in well-formed XML, whatever characters a name holds.</summary>
public sealed class Open311WriterTests
{
    private static Open311Document Sample(string name) => new("service_requests", new Open311List("request", [new Open311Object([
        ("service_request_id", new Open311Value("GJ261205-7KQ3MZ")),
        ("agency_responsible", new Open311Value(name)),
        ("requested_datetime", new Open311Value(new DateTimeOffset(2026, 12, 5, 1, 30, 0, TimeSpan.Zero))),
        ("lat", Open311Value.Null),
    ])]));

    [Fact]
    public void Json_and_xml_carry_the_same_fields_with_Beijing_time()
    {
        var json = JsonDocument.Parse(Open311Writer.ToBytes(Open311Format.Json, Sample("泰山宝盛置业有限公司"))).RootElement[0];
        var xml = XDocument.Parse(Encoding.UTF8.GetString(Open311Writer.ToBytes(Open311Format.Xml, Sample("泰山宝盛置业有限公司")))).Root!;

        Assert.Equal("service_requests", xml.Name.LocalName);
        var request = Assert.Single(xml.Elements("request"));
        foreach (var field in new[] { "service_request_id", "agency_responsible", "requested_datetime" })
            Assert.Equal(json.GetProperty(field).GetString(), (string?)request.Element(field));
        Assert.Equal("2026-12-05T09:30:00+08:00", json.GetProperty("requested_datetime").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("lat").ValueKind);
        Assert.Equal("", (string?)request.Element("lat"));
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_and_the_rest_kept_in_both_formats()
    {
        var bytes = Open311Writer.ToBytes(Open311Format.Xml, Sample("宝盛\u0001物业\ud800🏠"));

        var request = XDocument.Parse(Encoding.UTF8.GetString(bytes)).Root!.Element("request")!;
        Assert.Equal("宝盛物业🏠", (string?)request.Element("agency_responsible"));
        var json = JsonDocument.Parse(Open311Writer.ToBytes(Open311Format.Json, Sample("宝盛\u0001物业\ud800🏠"))).RootElement[0];
        // JSON escapes the control character and writes the lone surrogate as U+FFFD.
        Assert.Equal("宝盛\u0001物业\uFFFD🏠", json.GetProperty("agency_responsible").GetString());
    }
}
