using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Open311;

/// <summary>Malformed filings and queries are answered 400 (or 404 for what does not exist) as Open311 errors, and file nothing.</summary>
public sealed class Open311BadInputTests(AzuriteFixture azurite) : Open311AppTest(azurite)
{
    public static TheoryData<string, string?> BadFilings => new()
    {
        { "service_code", null },
        { "service_code", "potholes" },
        { "description", null },
        { "description", new string('长', 2001) },
        { "attribute[community]", null },
        { "attribute[community]", "nowhere" },
        { "address_string", null },
        { "phone", null },
        { "phone", "12345" },
        { "media_url", "http://169.254.169.254/latest/meta-data" },
        { "attribute[colour]", "red" },
        { "flavour", "vanilla" },
    };

    [Theory]
    [MemberData(nameof(BadFilings))]
    public async Task A_bad_filing_is_400_and_files_nothing(string field, string? value)
    {
        var fields = Open311Helpers.Fields(Client);
        if (value is null) fields.Remove(field); else fields[field] = value;

        await (await App.FileAsync(fields)).ShouldBeOpen311ErrorAsync(400);

        Assert.Empty(await App.ListIdsAsync(await App.DispatcherAsync()));
    }

    [Theory]
    [InlineData("36.2", null)]
    [InlineData("91", "117.1")]
    [InlineData("36.2", "east")]
    public async Task Coordinates_instead_of_an_address_must_be_a_valid_pair(string lat, string? lon)
    {
        var fields = Open311Helpers.Fields(Client);
        fields.Remove("address_string");
        fields["lat"] = lat;
        if (lon is not null) fields["long"] = lon;

        await (await App.FileAsync(fields)).ShouldBeOpen311ErrorAsync(400);
    }

    [Fact]
    public async Task A_valid_pair_of_coordinates_files_the_request()
    {
        var fields = Open311Helpers.Fields(Client);
        fields.Remove("address_string");
        (fields["lat"], fields["long"]) = ("36.1955", "117.1272");

        var (id, _) = await App.FileOkAsync(fields);

        Assert.Contains(id, await App.ListIdsAsync(await App.DispatcherAsync()));
    }

    [Fact]
    public async Task A_json_body_a_parameter_sent_twice_a_broken_multipart_or_a_photo_is_400()
    {
        var json = await App.Http.PostAsync($"{Open311Helpers.Base}/requests.json",
            new StringContent("{\"service_code\":\"repair\"}", System.Text.Encoding.UTF8, "application/json"));
        await json.ShouldBeOpen311ErrorAsync(400);

        var twice = await App.Http.PostAsync($"{Open311Helpers.Base}/requests.json?service_code=other",
            new FormUrlEncodedContent(Open311Helpers.Fields(Client)));
        await twice.ShouldBeOpen311ErrorAsync(400);

        var noBoundary = new ByteArrayContent("--x\r\n"u8.ToArray());
        noBoundary.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        await (await App.Http.PostAsync($"{Open311Helpers.Base}/requests.json", noBoundary)).ShouldBeOpen311ErrorAsync(400);

        var withPhoto = new MultipartFormDataContent();
        foreach (var (name, value) in Open311Helpers.Fields(Client)) withPhoto.Add(new StringContent(value), name);
        withPhoto.Add(new ByteArrayContent(TestImages.Png()), "media", "photo.png");
        await (await App.Http.PostAsync($"{Open311Helpers.Base}/requests.json", withPhoto)).ShouldBeOpen311ErrorAsync(400);

        Assert.Empty(await App.ListIdsAsync(await App.DispatcherAsync()));
    }

    [Theory]
    [InlineData("/requests/GJ261205-ZZZZZZ.json")]
    [InlineData("/requests/not-an-order.json")]
    [InlineData("/requests.json?jurisdiction_id=nowhere")]
    public async Task What_does_not_exist_is_404(string path) =>
        await (await App.Http.GetAsync(Open311Helpers.Base + path)).ShouldBeOpen311ErrorAsync(404);

    [Theory]
    [InlineData("start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z")]
    [InlineData("start_date=2026-05-01T00:00:00Z&end_date=2026-04-01T00:00:00Z")]
    [InlineData("start_date=yesterday")]
    [InlineData("status=pending")]
    [InlineData("service_code=potholes")]
    [InlineData("page_size=0")]
    [InlineData("page_size=101")]
    [InlineData("page=-1")]
    [InlineData("page=11&page_size=100")]
    [InlineData("status=open&status=closed")]
    public async Task A_bad_query_is_400(string query)
    {
        await (await App.Http.GetAsync($"{Open311Helpers.Base}/requests.json?{query}")).ShouldBeOpen311ErrorAsync(400);
        var xml = await App.GetXmlAsync($"/requests.xml?{query}", 400);
        Assert.Equal("400", (string?)xml.Element("error")!.Element("code"));
    }

    [Fact]
    public async Task A_range_of_exactly_90_days_is_accepted() =>
        Assert.Equal(System.Text.Json.JsonValueKind.Array,
            (await App.GetJsonAsync("/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-04-01T00:00:00Z")).ValueKind);
}
