using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Showcases;

/// <summary>
/// Orders taken through the whole cycle by the API, with the resident's personal data in every field
/// that has some, and a showcase published of them: what the public pages are tested against.
/// </summary>
public static class ShowcasePageSetup
{
    /// <summary>Everything the residents and the unit wrote that is not the story: none of it may reach a public page.</summary>
    public static readonly string[] PersonalData =
    [
        "李秀英", "13805381234", "宝盛小区3号楼2单元301", "三楼楼道灯坏了一个星期了", // the order as placed (TestApp.NewOrder)
        "赵先生", "13905382345", "三联小区7号楼1单元502", "独居的王大爷腿脚不便",
        "师傅当天就来了，很负责", // the resident's comment with the rating
        "已更换楼道灯，灯罩也换新了", // the unit's note
    ];

    public static readonly string StairLightText = "三楼楼道灯坏了一个星期了";

    public sealed record Order(string Id, string TrackingCode);

    /// <summary>The order of <see cref="TestApp.NewOrder"/> (东七里社区, 泰山宝盛置业), completed with a photo, rated when <paramref name="rating"/> is given.</summary>
    public static async Task<Order> StairLightAsync(TestApp app, int? rating = 5)
    {
        var (id, code) = await app.PlaceAsync(TestApp.NewOrder(photos: [Convert.ToBase64String(TestImages.Picture(640, 480, (90, 90, 90), (40, 40, 40)))]));
        await app.DispatchAsync(id, await app.DispatcherAsync());
        var liaison = await app.LiaisonAsync();
        await app.AcceptAsync(id, liaison);
        await CompleteAsync(app, id, liaison, "已更换楼道灯，灯罩也换新了", Sky, Evening);
        if (rating is { } r)
            await (await app.PostAsync($"/api/orders/{id}/confirm", new { rating = r, comment = "师傅当天就来了，很负责" }, trackingCode: code)).ReadJsonAsync(200);
        return new Order(id, code);
    }

    /// <summary>An elderly-care order in 三联社区 done by the health centre, left unrated.</summary>
    public static async Task<Order> LunchDeliveryAsync(TestApp app)
    {
        var (id, code) = await app.PlaceAsync(new
        {
            text = "楼下独居的王大爷腿脚不便，想请人每周帮忙送两次午饭。", category = "elderly", communityId = "sanlian",
            address = "三联小区7号楼1单元502", contact = new { name = "赵先生", phone = "13905382345" },
        });
        await app.DispatchAsync(id, await app.DispatcherAsync("sanlian"), "caiyuan-health-centre");
        var liaison = await app.LiaisonAsync("caiyuan-health-centre");
        await app.AcceptAsync(id, liaison);
        await CompleteAsync(app, id, liaison, "已安排志愿者每周二、五送餐", Meadow);
        return new Order(id, code);
    }

    private static readonly ((byte, byte, byte) Top, (byte, byte, byte) Bottom) Sky = ((120, 180, 235), (235, 240, 250));
    private static readonly ((byte, byte, byte) Top, (byte, byte, byte) Bottom) Evening = ((250, 200, 120), (120, 70, 110));
    private static readonly ((byte, byte, byte) Top, (byte, byte, byte) Bottom) Meadow = ((170, 215, 140), (60, 120, 70));

    private static async Task CompleteAsync(TestApp app, string id, string liaison, string note, params ((byte, byte, byte) Top, (byte, byte, byte) Bottom)[] pictures) =>
        await (await app.PostAsync($"/api/orders/{id}/complete", new
        {
            note, photos = pictures.Select(p => Convert.ToBase64String(TestImages.Picture(800, 600, p.Top, p.Bottom))).ToArray(),
        }, liaison)).ReadJsonAsync(200);

    /// <summary>Publishes; returns the showcase's id.</summary>
    public static async Task<string> PublishAsync(TestApp app, string organizer, string title, string story, params Order[] orders) =>
        (await (await app.PostAsync("/api/showcases", new { title, story, orderIds = orders.Select(o => o.Id).ToArray() }, organizer))
            .ReadJsonAsync(201)).GetProperty("id").GetString()!;
}
