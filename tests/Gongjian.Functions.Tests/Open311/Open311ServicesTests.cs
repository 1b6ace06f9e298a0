using Gongjian.Domain.Community;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Open311;

/// <summary>A civic app discovers the endpoint and lists the services and their definitions, in JSON and XML.</summary>
public sealed class Open311ServicesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Services_are_the_twelve_categories_with_their_Chinese_names_in_json_and_xml()
    {
        var json = await _app.GetJsonAsync("/services.json");
        var xml = await _app.GetXmlAsync("/services.xml");

        Assert.Equal(ServiceCategory.All.Select(c => c.Code), json.EnumerateArray().Select(s => s.GetProperty("service_code").GetString()));
        Assert.Equal(ServiceCategory.All.Select(c => c.Name), json.EnumerateArray().Select(s => s.GetProperty("service_name").GetString()));
        Assert.All(json.EnumerateArray(), s =>
        {
            Assert.True(s.GetProperty("metadata").GetBoolean());
            Assert.Equal("realtime", s.GetProperty("type").GetString());
            Assert.False(string.IsNullOrEmpty(s.GetProperty("group").GetString()));
        });
        Assert.Equal("services", xml.Name.LocalName);
        Assert.Equal(ServiceCategory.All.Select(c => c.Code), xml.Elements("service").Select(s => (string?)s.Element("service_code")));
        Assert.Equal(ServiceCategory.All.Select(c => c.Name), xml.Elements("service").Select(s => (string?)s.Element("service_name")));
        Assert.All(xml.Elements("service"), s => Assert.Equal("true", (string?)s.Element("metadata")));
    }

    [Fact]
    public async Task A_service_definition_offers_the_communities_as_a_required_single_value_list()
    {
        var json = await _app.GetJsonAsync("/services/repair.json");
        var xml = await _app.GetXmlAsync("/services/repair.xml");

        Assert.Equal("repair", json.GetProperty("service_code").GetString());
        var attribute = Assert.Single(json.GetProperty("attributes").EnumerateArray());
        Assert.Equal("community", attribute.GetProperty("code").GetString());
        Assert.Equal("singlevaluelist", attribute.GetProperty("datatype").GetString());
        Assert.True(attribute.GetProperty("required").GetBoolean());
        Assert.Equal(["dongqili", "qingshan", "sanlian"], attribute.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()!));
        Assert.Contains(attribute.GetProperty("values").EnumerateArray(), v => v.GetProperty("name").GetString() == "东七里社区（财源街道）");

        Assert.Equal("service_definition", xml.Name.LocalName);
        var xmlAttribute = Assert.Single(xml.Element("attributes")!.Elements("attribute"));
        Assert.Equal("singlevaluelist", (string?)xmlAttribute.Element("datatype"));
        Assert.Equal(["dongqili", "qingshan", "sanlian"], xmlAttribute.Element("values")!.Elements("value").Select(v => (string)v.Element("key")!));
    }

    [Fact]
    public async Task An_unknown_service_is_404_and_an_unknown_format_400_as_Open311_errors()
    {
        await (await _app.Http.GetAsync($"{Open311Helpers.Base}/services/potholes.json")).ShouldBeOpen311ErrorAsync(404);
        await (await _app.Http.GetAsync($"{Open311Helpers.Base}/services.html")).ShouldBeOpen311ErrorAsync(400);

        var xml = await _app.GetXmlAsync("/services/potholes.xml", 404);
        Assert.Equal("errors", xml.Name.LocalName);
        Assert.Equal("404", (string?)Assert.Single(xml.Elements("error")).Element("code"));
    }

    [Fact]
    public async Task Discovery_names_the_endpoint_it_was_served_from_and_both_paths_serve_the_same_functions()
    {
        var json = await _app.GetJsonAsync("/discovery.json");
        var endpoint = Assert.Single(json.GetProperty("endpoints").EnumerateArray());
        Assert.Equal($"{_app.Http.BaseAddress!.ToString().TrimEnd('/')}/open311/v2", endpoint.GetProperty("url").GetString());
        Assert.Contains("text/xml", endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));

        var xml = await _app.GetXmlAsync("/discovery.xml");
        Assert.Equal(["application/json", "text/xml"], xml.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(f => f.Value));

        // Behind the Functions host the same functions answer under /api.
        var viaApi = await (await _app.Http.GetAsync("/api/open311/v2/services.json")).Content.ReadAsStringAsync();
        Assert.Equal(await (await _app.Http.GetAsync("/open311/v2/services.json")).Content.ReadAsStringAsync(), viaApi);
        var apiDiscovery = await (await _app.Http.GetAsync("/api/open311/v2/discovery.json")).ReadJsonAsync(200);
        Assert.EndsWith("/api/open311/v2", apiDiscovery.GetProperty("endpoints")[0].GetProperty("url").GetString());
    }
}
