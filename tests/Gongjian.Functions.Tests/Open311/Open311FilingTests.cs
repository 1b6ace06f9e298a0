using Gongjian.Functions.Cli;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Open311;

/// <summary>
/// A civic app files a resident's request with its api_key: it becomes an ordinary order (the
/// dispatcher's list, the resident's tracking code), and its Open311 status follows the cycle.
/// </summary>
public sealed class Open311FilingTests(AzuriteFixture azurite) : Open311AppTest(azurite)
{
    [Fact]
    public async Task A_filed_request_is_an_order_in_the_dispatchers_list_that_reads_open()
    {
        var (id, code) = await App.FileOkAsync(Open311Helpers.Fields(Client));

        var dispatcher = await App.DispatcherAsync();
        Assert.Contains(id, await App.ListIdsAsync(dispatcher));
        // The tracking code the app was given is the resident's: it opens the order.
        Assert.Equal("placed", (await (await App.GetAsync($"/api/orders/{id}", trackingCode: code)).ReadJsonAsync(200)).GetProperty("status").GetString());
        // The dispatcher sees the contact as filed: family name first.
        var order = await (await App.GetAsync($"/api/orders/{id}", dispatcher)).ReadJsonAsync(200);
        Assert.Equal("李秀英", order.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal("宝盛小区3号楼2单元301", order.GetProperty("address").GetString());
        Assert.Equal("repair", order.GetProperty("category").GetString());

        var request = await App.RequestAsync(id);
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("待派单", request.GetProperty("status_notes").GetString());
        Assert.Equal("东七里社区", request.GetProperty("agency_responsible").GetString());
        Assert.Equal("财源街道东七里社区", request.GetProperty("address").GetString());
        Assert.True(request.GetProperty("expected_datetime").GetDateTimeOffset() > request.GetProperty("requested_datetime").GetDateTimeOffset());
        Assert.Contains(id, Open311Helpers.Ids(await App.GetJsonAsync("/requests.json")));
    }

    [Fact]
    public async Task Through_the_cycle_the_request_shows_the_unit_responsible_and_reads_closed_at_the_end()
    {
        var (dispatcher, liaison) = (await App.DispatcherAsync(), await App.LiaisonAsync());
        var (id, code) = await App.FileOkAsync(Open311Helpers.Fields(Client));

        await App.DispatchAsync(id, dispatcher);
        var dispatched = await App.RequestAsync(id);
        Assert.Equal(("open", "泰山宝盛置业有限公司"), (dispatched.GetProperty("status").GetString(), dispatched.GetProperty("agency_responsible").GetString()));
        await App.AcceptAsync(id, liaison);
        await App.CompleteAsync(id, liaison);
        await (await App.PostAsync($"/api/orders/{id}/confirm", new { rating = 5 }, trackingCode: code)).ReadJsonAsync(200);

        var closed = await App.RequestAsync(id);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("已评价", closed.GetProperty("status_notes").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, closed.GetProperty("expected_datetime").ValueKind);
        Assert.Contains(id, Open311Helpers.Ids(await App.GetJsonAsync("/requests.json?status=closed")));
        Assert.DoesNotContain(id, Open311Helpers.Ids(await App.GetJsonAsync("/requests.json?status=open")));
        var xml = await App.GetXmlAsync($"/requests/{id}.xml");
        Assert.Equal("closed", (string?)Assert.Single(xml.Elements("request")).Element("status"));
    }

    [Fact]
    public async Task Filing_in_xml_answers_in_xml_and_a_retry_under_the_same_Idempotency_Key_is_one_order()
    {
        var fields = Open311Helpers.Fields(Client);
        var first = Assert.Single((await (await App.FileAsync(fields, "xml", "retry-1")).ReadXmlAsync(200)).Elements("request"));
        var again = await App.FileAsync(fields, "xml", "retry-1");
        var replay = Assert.Single((await again.ReadXmlAsync(200)).Elements("request"));

        Assert.Equal((string?)first.Element("service_request_id"), (string?)replay.Element("service_request_id"));
        Assert.Equal((string?)first.Element("tracking_code"), (string?)replay.Element("tracking_code"));
        Assert.Contains((string)first.Element("tracking_code")!, (string)first.Element("service_notice")!);
        Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
        Assert.Single(await App.ListIdsAsync(await App.DispatcherAsync()));
    }

    [Fact]
    public async Task A_missing_unknown_staff_revoked_or_other_street_key_is_403_and_files_nothing()
    {
        var staff = await App.DispatcherAsync();
        var otherStreet = await App.ClientKeyAsync("xinshi", "新市街道App");
        var (revoked, revokedId) = await App.ClientKeyWithIdAsync(name: "已停用App");
        Assert.Equal(0, await KeysCommand.RunAsync(App.Services, ["revoke", "--id", revokedId], TextWriter.Null, CancellationToken.None));
        var listing = new StringWriter();
        await KeysCommand.RunAsync(App.Services, ["list"], listing, CancellationToken.None);
        Assert.Contains("open311", listing.ToString());

        var noKey = Open311Helpers.Fields(Client);
        noKey.Remove("api_key");
        await (await App.FileAsync(noKey)).ShouldBeOpen311ErrorAsync(403);
        // The revoked key was never looked up before its revocation, so no cached answer stands in the way.
        foreach (var key in new[] { "gjo_made-up", staff, otherStreet, revoked })
            await (await App.FileAsync(Open311Helpers.Fields(key))).ShouldBeOpen311ErrorAsync(403);

        Assert.Empty(await App.ListIdsAsync(await App.DispatcherAsync()));
    }
}
