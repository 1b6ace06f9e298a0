using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Privacy;

/// <summary>
/// A phone and a house number typed into the request text are masked for everyone who sees the contact
/// masked — the unit before it accepts, the organizer, the admin, the resident's tracking view and every
/// list — while the community's dispatcher (and the unit once it accepted) read the text as written.
/// </summary>
public sealed class FreeTextPrivacyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Text = "楼道灯坏了一个星期，住3号楼2单元301，有事打138 0538 1234";
    private const string Masked = "楼道灯坏了一个星期，住3号楼****，有事打138****1234";
    private TestApp _app = null!;
    private string _dispatcher = null!;
    private string _liaison = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite);
        (_dispatcher, _liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<(string Id, string Code)> PlaceAsync(string text = Text) => _app.PlaceAsync(TestApp.NewOrder(text));

    private async Task<JsonElement> ReadAsync(string id, string? key, string? trackingCode = null) =>
        await (await _app.GetAsync($"/api/orders/{id}", key, trackingCode)).ReadJsonAsync(200);

    [Fact]
    public async Task The_unit_reads_the_text_masked_until_it_accepts_and_the_dispatcher_always_whole()
    {
        var (id, _) = await PlaceAsync();
        await _app.DispatchAsync(id, _dispatcher);

        Assert.Equal(Masked, (await ReadAsync(id, _liaison)).GetProperty("text").GetString());
        Assert.Equal(Text, (await ReadAsync(id, _dispatcher)).GetProperty("text").GetString());
        var accepted = await (await _app.PostAsync($"/api/orders/{id}/accept", new { }, _liaison)).ReadJsonAsync(200);
        Assert.Equal(Text, accepted.GetProperty("text").GetString());
        Assert.Equal(Text, (await ReadAsync(id, _liaison)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Organizer_admin_and_the_tracking_view_read_it_masked()
    {
        var organizer = await _app.OrganizerAsync();
        var admin = await _app.KeyAsync(ActorRole.Admin, name: "系统管理员");
        var (id, code) = await PlaceAsync();

        foreach (var (key, tracking) in new[] { (organizer, (string?)null), (admin, null), (null, code) })
            Assert.Equal(Masked, (await ReadAsync(id, key, tracking)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Every_list_carries_the_summary_masked_the_dispatcher_s_too()
    {
        var organizer = await _app.OrganizerAsync();
        var (id, _) = await PlaceAsync();
        await _app.DispatchAsync(id, _dispatcher);

        foreach (var key in new[] { _dispatcher, _liaison, organizer })
        {
            var page = await (await _app.GetAsync("/api/orders", key)).ReadJsonAsync(200);
            var item = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
            Assert.Equal(Masked, item.GetProperty("summary").GetString());
        }
    }

    [Fact]
    public async Task A_phone_in_the_chinese_numerals_of_a_reason_is_masked_in_the_organizer_s_timeline()
    {
        var organizer = await _app.OrganizerAsync();
        var (id, _) = await PlaceAsync("小区门口路灯不亮");
        await _app.DispatchAsync(id, _dispatcher);
        await (await _app.PostAsync($"/api/orders/{id}/decline", new { reason = "不归我们管，请找电话一三八零五三八一二三四" }, _liaison)).ReadJsonAsync(200);

        string? Reason(JsonElement order) => order.GetProperty("timeline").EnumerateArray()
            .Single(t => t.GetProperty("type").GetString() == "declined").GetProperty("reason").GetString();
        Assert.Equal("不归我们管，请找电话138****1234", Reason(await ReadAsync(id, organizer)));
        Assert.Equal("不归我们管，请找电话一三八零五三八一二三四", Reason(await ReadAsync(id, _dispatcher)));
    }

    [Fact]
    public async Task An_index_row_written_before_masking_is_listed_masked()
    {
        var (id, _) = await PlaceAsync();
        // As an index row of an older version held it: the text as typed.
        await foreach (var row in _app.Storage.OrderIndex.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"OrderId eq {id}")))
            await _app.Storage.OrderIndex.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["Summary"] = Text }, row.ETag, TableUpdateMode.Merge);

        var page = await (await _app.GetAsync("/api/orders", _dispatcher)).ReadJsonAsync(200);

        Assert.Equal(Masked, page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id).GetProperty("summary").GetString());
    }
}
