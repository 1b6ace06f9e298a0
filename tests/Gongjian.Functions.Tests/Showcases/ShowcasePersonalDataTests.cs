using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Showcases;

/// <summary>
/// A showcase is public: a building may be named, a household may not. The guard uses the same finder
/// as the masking and refuses with a Chinese title naming what it found, and the field it was in.
/// </summary>
public sealed class ShowcasePersonalDataTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Story = "东七里社区居民反映路灯不亮，宝盛置业当天上门更换。";
    private TestApp _app = null!;
    private string _organizer = null!;
    private string _order = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite);
        _organizer = await _app.OrganizerAsync();
        (_order, _) = await _app.CompletedOrderAsync(await _app.DispatcherAsync(), await _app.LiaisonAsync());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<HttpResponseMessage> PublishAsync(string title, string story = Story) =>
        _app.PostAsync("/api/showcases", new { title, story, orderIds = new[] { _order } }, _organizer);

    [Fact]
    public async Task A_building_alone_is_published()
    {
        var published = await (await PublishAsync("3号楼的路灯修好了")).ReadJsonAsync(201);

        Assert.Equal("3号楼的路灯修好了", published.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("3号楼2单元301修好了", Story, "title", "门牌号")]
    [InlineData("路灯修好了", "电话一三八零五三八一二三四", "story", "电话号码")]
    [InlineData("路灯修好了", "居民电话138-0538-1234，随叫随到", "story", "电话号码")]
    [InlineData("路灯修好了", "感谢李秀英阿姨及时反映", "story", "居民姓名")]
    [InlineData("路灯修好了", "家住12幢3单元的居民都说好", "story", "门牌号")]
    [InlineData("身份证370902198001011234", Story, "title", "身份证号")]
    public async Task A_household_a_phone_a_name_or_an_id_is_refused_and_named(string title, string story, string field, string named)
    {
        var problem = await (await PublishAsync(title, story)).ShouldBeProblemAsync(400, "personal_data_in_story");

        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(named, problem.GetProperty("title").GetString());
        Assert.Equal(0, (await (await _app.GetAsync("/api/showcases")).ReadJsonAsync(200)).GetArrayLength());
    }
}
