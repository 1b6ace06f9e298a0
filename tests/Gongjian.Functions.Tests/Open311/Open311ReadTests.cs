using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Open311;

/// <summary>
/// GET requests is public, so it says what happened without who or where exactly: no name, phone,
/// flat or the resident's words — in JSON or XML, listed or alone. Its filters and paging work on
/// orders from both front doors.
/// </summary>
public sealed class Open311ReadTests(AzuriteFixture azurite) : Open311AppTest(azurite)
{
    private static readonly string[] PersonalData =
        ["李秀英", "秀英", "13805381234", "13912345678", "5381234", "138****", "宝盛小区", "3号楼", "2单元", "楼道灯", "王建国", "li@example.cn"];

    [Fact]
    public async Task No_Open311_read_carries_the_residents_personal_data_or_tracking_code()
    {
        var (filed, filedCode) = await App.FileOkAsync(Open311Helpers.Fields(Client));
        var (placed, placedCode) = await App.PlaceAsync(new
        {
            text = "王建国家楼道灯不亮，电话13912345678", category = "repair", communityId = "sanlian", address = "宝盛小区3号楼2单元301",
            contact = new { name = "王建国", phone = "13912345678" },
        });
        await App.DispatchAsync(placed, await App.DispatcherAsync("sanlian"));

        var bodies = new List<string>();
        foreach (var path in new[] { "/requests", $"/requests/{filed}", $"/requests/{placed}", $"/requests?service_request_id={filed},{placed}" })
            foreach (var format in new[] { "json", "xml" })
            {
                var url = path.Contains('?') ? path.Replace("?", $".{format}?") : $"{path}.{format}";
                var response = await App.Http.GetAsync(Open311Helpers.Base + url);
                bodies.Add(await response.Content.ReadAsStringAsync());
                Assert.Equal(200, (int)response.StatusCode);
            }

        Assert.All(bodies, body =>
        {
            Assert.True(body.Contains(filed) || body.Contains(placed), body);
            foreach (var secret in PersonalData.Append(filedCode).Append(placedCode)) Assert.DoesNotContain(secret, body);
        });
        var listed = await App.GetJsonAsync("/requests.json");
        Assert.All(listed.EnumerateArray(), r =>
        {
            Assert.Equal("居民反映的设施维修类诉求", r.GetProperty("description").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, r.GetProperty("lat").ValueKind);
        });
    }

    [Fact]
    public async Task Filters_by_service_ids_and_dates_and_pages_newest_first()
    {
        var (repair, _) = await App.FileOkAsync(Open311Helpers.Fields(Client));
        var (elderly, _) = await App.FileOkAsync(Open311Helpers.Fields(Client, "想请志愿者每周陪老人去医院", "elderly", "qingshan"));
        var (other, _) = await App.FileOkAsync(Open311Helpers.Fields(Client, "小区门口需要一个快递柜", "other", "sanlian"));

        Assert.Equal([other, elderly, repair], Open311Helpers.Ids(await App.GetJsonAsync("/requests.json")));
        Assert.Equal([elderly], Open311Helpers.Ids(await App.GetJsonAsync("/requests.json?service_code=elderly")));
        Assert.Equal([other, repair], Open311Helpers.Ids(await App.GetJsonAsync("/requests.json?service_code=repair,other")));
        Assert.Equal([elderly], Open311Helpers.Ids(await App.GetJsonAsync("/requests.json?page_size=1&page=2")));
        Assert.Empty(Open311Helpers.Ids(await App.GetJsonAsync("/requests.json?page_size=2&page=3")));
        Assert.Equal([repair, other], Open311Helpers.Ids(await App.GetJsonAsync($"/requests.json?service_request_id={repair},{other},GJ000000-NOPE")));
        Assert.Equal(3, Open311Helpers.Ids(await App.GetJsonAsync("/requests.json?jurisdiction_id=caiyuan")).Length);

        var placedAt = (await App.RequestAsync(repair)).GetProperty("requested_datetime").GetDateTimeOffset();
        var before = Uri.EscapeDataString(placedAt.AddDays(-30).ToString("yyyy-MM-dd'T'HH:mm:sszzz"));
        var justBefore = Uri.EscapeDataString(placedAt.AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz"));
        Assert.Empty(Open311Helpers.Ids(await App.GetJsonAsync($"/requests.json?start_date={before}&end_date={justBefore}")));
        Assert.Equal(3, Open311Helpers.Ids(await App.GetJsonAsync($"/requests.json?start_date={justBefore}")).Length);
    }
}
