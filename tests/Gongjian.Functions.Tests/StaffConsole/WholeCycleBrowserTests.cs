using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjian.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// The whole cycle in real Chromium, console and chat together (issue 10): a resident places a wish with a photo in the
/// app's own Web Chat (/chat, its local Direct Line) on a phone; the signed-in dispatcher's board and bell pick it up
/// without a reload and the order is dispatched to the suggested unit; the unit's liaison accepts and completes it with
/// a photo on a phone; the resident, still in the chat, is told and rates it; the organizer publishes a showcase of it;
/// an anonymous reader opens the public pages, which carry no personal data. Screenshots: artifacts/screenshots/console/cycle-*.png.
/// </summary>
public sealed partial class WholeCycleBrowserTests(AzuriteFixture azurite) : ConsoleBrowserTest(azurite)
{
    // The resident: what they tell the bot, and what must never reach a public page or a screen that may not show it.
    // The wish names where (the bot reads the place from it and asks only for the community, the phone and a name).
    private const string Wish = "5号楼1单元楼道灯坏了好几天了，晚上上下楼看不见";
    private const string Place = "5号楼1单元";
    private const string Phone = "13953806621";
    private const string MaskedPhone = "139****6621";
    private const string Name = "赵秀兰";
    private const string Comment = "灯修好了，谢谢师傅";
    private const string Unit = "泰山宝盛置业有限公司";
    // The board and the bell poll every 30 s; a busy machine may add to that.
    private static readonly float Poll = 150_000; // the inbox polls every 30 s; generous for a busy machine

    [Fact]
    public async Task A_wish_from_web_chat_goes_through_the_console_to_a_public_showcase_without_personal_data()
    {
        // The dispatcher is at work before the wish arrives: the board must pick it up by itself.
        var dispatcher = await SignedInAsync(await App.DispatcherAsync());
        await dispatcher.WaitForURLAsync("**/console/board");
        await dispatcher.Locator("[data-testid=inbox-bell][aria-label='消息']").WaitForAsync();

        // 1. The resident, on a phone, tells the bot in Web Chat.
        var chat = await Browser.OpenAsync(phone: true);
        await chat.GotoAsync(Url("/chat"));
        await SendBoxOf(chat).WaitForAsync();
        await SeeAsync(chat, "我是共建小助手");
        await SayAsync(chat, Wish);
        await SeeAsync(chat, "请问您住在哪个社区");
        var before = Path.Combine(ConsoleBrowser.Screenshots, "cycle-before.png");
        await File.WriteAllBytesAsync(before, TestImages.Picture(96, 72, (60, 60, 70), (20, 20, 25)));
        // The photo picked with Web Chat's upload button is sent at once (the page sets sendAttachmentOn: "attach").
        await chat.Locator("#webchat input[type=file]").SetInputFilesAsync(before);
        await SeeAsync(chat, "收到照片了（共 1 张）");
        await PressAsync(chat, "东七里社区");
        await SeeAsync(chat, "请留一个联系电话");
        await SayAsync(chat, "139 5380 6621");
        await SeeAsync(chat, "怎么称呼您");
        await SayAsync(chat, Name);
        await SeeAsync(chat, $"好的，{Name}，记住了");
        await PressAsync(chat, "确认提交");
        await SeeAsync(chat, "已提交！您的工单号");
        var transcript = await TranscriptAsync(chat);
        var id = OrderNumber().Match(transcript).Value;
        Assert.False(string.IsNullOrEmpty(id), transcript);
        AssertReadsAsChinese(transcript);
        await ConsoleBrowser.ShootAsync(chat, "cycle-1-chat-placed");

        var placed = await OrderAsync(id);
        Assert.Equal("placed", placed.GetProperty("status").GetString());
        Assert.Equal("repair", placed.GetProperty("category").GetString());
        Assert.Equal("dongqili", placed.GetProperty("communityId").GetString());
        Assert.Equal(1, placed.GetProperty("beforePhotos").GetArrayLength());

        // 2. The dispatcher's board shows it under 待派单 and the bell counts it, both without a reload.
        var row = dispatcher.Locator("tr", new() { HasText = id });
        await row.WaitForAsync(new() { Timeout = Poll });
        Assert.Contains("1", await dispatcher.GetByTestId("tab-placed").InnerTextAsync());
        await dispatcher.Locator("[data-testid=inbox-bell][aria-label='消息，1 条未读']").WaitForAsync(new() { Timeout = Poll });
        Assert.DoesNotContain(Phone, await dispatcher.Locator("body").InnerTextAsync());
        await ConsoleBrowser.ShootAsync(dispatcher, "cycle-2-board");

        await row.ClickAsync();
        await dispatcher.GetByTestId("order-id").GetByText(id).WaitForAsync();
        await SeeStatusAsync(dispatcher, "待派单");
        Assert.Equal(MaskedPhone, await dispatcher.GetByTestId("order-phone").InnerTextAsync());
        Assert.DoesNotContain(Phone, await dispatcher.Locator("body").InnerTextAsync());
        await dispatcher.GetByTestId("reveal-contact").ClickAsync();
        await dispatcher.GetByTestId("order-phone").GetByText(Phone).WaitForAsync();
        var revealed = await dispatcher.Locator("body").InnerTextAsync();
        Assert.Contains(Name, revealed);
        Assert.Contains(Place, revealed); // the place the bot read from the wish is the order's address
        var reason = dispatcher.GetByTestId("suggestion-reason");
        await reason.GetByText("服务类别相符").WaitForAsync();
        Assert.Contains("覆盖本社区", await reason.InnerTextAsync());
        Assert.Contains(Unit, await dispatcher.GetByTestId("unit-select").InnerTextAsync());
        await ConsoleBrowser.ShootAsync(dispatcher, "cycle-3-dispatch");
        await dispatcher.GetByTestId("dispatch").ClickAsync();
        await SeeStatusAsync(dispatcher, "待接单");
        Assert.Equal("baosheng-property", (await OrderAsync(id)).GetProperty("unit").GetProperty("id").GetString());

        // 3. The unit's liaison, on a phone: the contact is not theirs to see before accepting (the API agrees).
        var liaisonKey = await App.LiaisonAsync();
        var asLiaison = await (await App.GetAsync($"/api/orders/{id}", liaisonKey)).ReadJsonAsync(200);
        Assert.False(asLiaison.GetProperty("contactVisible").GetBoolean());
        Assert.Equal(MaskedPhone, asLiaison.GetProperty("contact").GetProperty("phone").GetString());

        var liaison = await SignedInAsync(liaisonKey, phone: true);
        await liaison.WaitForURLAsync("**/console/unit");
        var item = liaison.Locator(".ant-list-item", new() { HasText = id });
        await item.WaitForAsync();
        await item.ClickAsync();
        await SeeStatusAsync(liaison, "待接单");
        var liaisonSees = await liaison.Locator("body").InnerTextAsync();
        foreach (var secret in new[] { Phone, Name, Place }) Assert.DoesNotContain(secret, liaisonSees);
        Assert.Equal(0, await liaison.GetByTestId("reveal-contact").CountAsync());
        await ConsoleBrowser.ShootAsync(liaison, "cycle-4-liaison-open");

        await liaison.GetByTestId("accept").ClickAsync();
        await SeeStatusAsync(liaison, "办理中");
        // Accepted, the unit needs the contact to do the work: the API allows it, the page still masks it until asked.
        Assert.True((await (await App.GetAsync($"/api/orders/{id}", liaisonKey)).ReadJsonAsync(200)).GetProperty("contactVisible").GetBoolean());
        Assert.Equal(MaskedPhone, await liaison.GetByTestId("order-phone").InnerTextAsync());
        Assert.DoesNotContain(Phone, await liaison.Locator("body").InnerTextAsync());

        await liaison.GetByTestId("complete-note").FillAsync("已更换楼道灯具，晚上照明恢复");
        var after = Path.Combine(ConsoleBrowser.Screenshots, "cycle-after.png");
        await File.WriteAllBytesAsync(after, TestImages.Picture(96, 72, (255, 236, 160), (250, 250, 240)));
        await liaison.Locator("input[type=file]").SetInputFilesAsync(after);
        // The thumbnail drawn and grown to its size (the list animates it in), so the picture shows what the liaison sees.
        await liaison.WaitForFunctionAsync("() => { const i = document.querySelector('.ant-upload-list-item img'); " +
            "return !!i && i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width > 40; }");
        await ConsoleBrowser.ShootAsync(liaison, "cycle-5-liaison-complete");
        await liaison.GetByTestId("complete").ClickAsync();
        await SeeStatusAsync(liaison, "待评价");
        Assert.Equal(1, (await OrderAsync(id)).GetProperty("afterPhotos").GetArrayLength());

        // 4. The resident, still in the chat, is told (accepted, then completed with the rating) and rates it there.
        await SeeAsync(chat, "请为这次服务打分");
        var told = await TranscriptAsync(chat);
        Assert.Contains($"{Unit}接单", told);
        Assert.Contains($"{Unit}办结", told);
        await PressAsync(chat, "5分");
        await SeeAsync(chat, "还有什么想说的吗");
        await SayAsync(chat, Comment);
        await SeeAsync(chat, "感谢您的评价");
        AssertReadsAsChinese(await TranscriptAsync(chat));
        await ConsoleBrowser.ShootAsync(chat, "cycle-6-chat-rated");
        var confirmed = await OrderAsync(id);
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        Assert.Equal(5, confirmed.GetProperty("rating").GetInt32());

        // 5. The organizer composes a showcase of it with both photos, previews and publishes.
        const string title = "楼道灯亮了，夜里回家不摸黑";
        const string story = "东七里社区居民在共建小助手上反映楼道照明故障，社区当天派单，泰山宝盛置业上门更换灯具，居民打了 5 分。";
        var organizer = await SignedInAsync(await App.OrganizerAsync());
        await organizer.WaitForURLAsync("**/console/street");
        Assert.DoesNotContain(Phone, await organizer.Locator("body").InnerTextAsync());
        await organizer.GetByTestId("compose").ClickAsync();
        await organizer.WaitForURLAsync("**/console/showcases/new");
        await organizer.Locator("tr", new() { HasText = id }).Locator("input[type=checkbox]").CheckAsync();
        var boxes = organizer.GetByTestId("photo-choices").GetByRole(AriaRole.Checkbox);
        await boxes.Nth(1).WaitForAsync();
        Assert.Equal(2, await boxes.CountAsync());
        Assert.False(await boxes.Nth(0).IsCheckedAsync()); // the resident's photo is shown only if chosen
        Assert.True(await boxes.Nth(1).IsCheckedAsync());
        await boxes.Nth(0).CheckAsync();
        await organizer.GetByTestId("showcase-title").FillAsync(title);
        await organizer.GetByTestId("showcase-story").FillAsync(story);
        var organizerSees = await organizer.Locator("body").InnerTextAsync();
        foreach (var secret in new[] { Phone, Name, Place }) Assert.DoesNotContain(secret, organizerSees);
        await organizer.GetByTestId("preview").ClickAsync();
        var frame = organizer.FrameLocator("[data-testid=preview-frame]");
        await frame.Locator("h1").GetByText(title).WaitForAsync();
        var preview = await (await organizer.QuerySelectorAsync("[data-testid=preview-frame]"))!.ContentFrameAsync();
        await preview!.WaitForFunctionAsync("() => [...document.images].length === 2 && [...document.images].every(i => i.complete && i.naturalWidth > 0)");
        await ConsoleBrowser.ShootAsync(organizer, "cycle-7-compose");
        await organizer.GetByTestId("publish").ClickAsync();
        var link = organizer.GetByTestId("public-link");
        await link.WaitForAsync();
        var href = Url((await link.GetAttributeAsync("href"))!);

        // 6. An anonymous reader opens the showcase and the street's list: the story and the unit, no personal data.
        var secrets = new[] { Phone, MaskedPhone, "139 5380 6621", Name, Place, "5号楼", "楼道灯坏了好几天了", Comment, id };
        var reader = await Browser.OpenAsync(phone: true);
        Assert.Equal(200, (await reader.GotoAsync(href))!.Status);
        await reader.Locator("h1").GetByText(title).WaitForAsync();
        var text = await reader.Locator("body").InnerTextAsync();
        Assert.Contains(story, text);
        Assert.Contains(Unit, text);
        Assert.Contains("5 分", text);
        var html = await reader.ContentAsync();
        foreach (var secret in secrets) Assert.DoesNotContain(secret, html);
        var meta = await reader.EvalOnSelectorAllAsync<string[]>("meta[property^='og:'], meta[name^='twitter:'], meta[name=description]",
            "ms => ms.map(m => m.getAttribute('content') ?? '')");
        Assert.Contains(title, meta);
        Assert.Contains(meta, m => m.StartsWith("东七里社区居民", StringComparison.Ordinal)); // the description is the story's opening
        foreach (var secret in secrets) Assert.DoesNotContain(meta, m => m.Contains(secret, StringComparison.Ordinal));
        await reader.WaitForFunctionAsync("() => [...document.images].length === 2 && [...document.images].every(i => i.complete && i.naturalWidth > 0)");
        await ConsoleBrowser.ShootAsync(reader, "cycle-8-public-showcase");

        await reader.Locator("a", new() { HasText = "全部晒单" }).First.ClickAsync();
        await reader.WaitForURLAsync("**/api/pages/showcases/caiyuan");
        await reader.GetByText(title).First.WaitForAsync();
        var list = await reader.ContentAsync();
        foreach (var secret in secrets) Assert.DoesNotContain(secret, list);
        await ConsoleBrowser.ShootAsync(reader, "cycle-9-public-street");

        Assert.Empty(Browser.Complaints);
    }

    private async Task<JsonElement> OrderAsync(string id) =>
        await (await App.GetAsync($"/api/orders/{id}?contact=masked", await App.DispatcherAsync())).ReadJsonAsync(200);

    private static Task SeeStatusAsync(IPage page, string statusName) =>
        page.GetByTestId("order-status").GetByText(statusName, new() { Exact = true }).WaitForAsync();

    // Web Chat, as a person uses it (the same moves as the bot's own Web Chat tests).
    private static ILocator SendBoxOf(IPage chat) => chat.Locator("[data-id='webchat-sendbox-input']");

    private static async Task SayAsync(IPage chat, string text)
    {
        await SendBoxOf(chat).FillAsync(text);
        await SendBoxOf(chat).PressAsync("Enter");
    }

    /// <summary>Presses the last button with this name (suggested actions and card buttons alike).</summary>
    private static Task PressAsync(IPage chat, string name) =>
        chat.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).Last.ClickAsync();

    private static Task<string> TranscriptAsync(IPage chat) => chat.Locator("#webchat").InnerTextAsync();

    private async Task SeeAsync(IPage chat, string text)
    {
        try
        {
            await chat.Locator("#webchat").GetByText(text, new() { Exact = false }).Last.WaitForAsync();
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The chat never showed '{text}'. It shows:\n{await TranscriptAsync(chat)}\n--- browser log ---\n{string.Join("\n", Browser.Log)}");
        }
    }

    /// <summary>The bot spoke Chinese, never a fallback, a placeholder or a leaked code word.</summary>
    private static void AssertReadsAsChinese(string transcript)
    {
        foreach (var bad in new[] { "没太明白", "null", "undefined", "{0}", "Exception", "Error", "NaN" })
            Assert.DoesNotContain(bad, transcript);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", transcript);
    }

    [GeneratedRegex(@"GJ\d{6}-[A-Z0-9]{6}")]
    private static partial Regex OrderNumber();
}
