using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Projects;
using Gongjian.Domain.Wishes;
using Gongjian.Functions.Projects;
using Gongjian.Functions.Wishes;
using Microsoft.Playwright;

namespace Gongjian.Bot.Tests.EndToEnd;

/// <summary>
/// 微心愿 and 项目认领 in headless Chromium, through the real Web Chat bundle on /chat: a resident posts a wish with the
/// buttons and the summary card; a liaison presses 认领 on the list card and fills in the 认领协议 form (a text area
/// and a date input of the Adaptive Card) that Web Chat sends back as the activity's value.
/// </summary>
public sealed partial class WebChatWishAndProjectTests(AzuriteFixture azurite) : WebChatTest(azurite)
{
        [Fact]
    public async Task Resident_posts_a_micro_wish_through_web_chat()
    {
        var chat = await OpenChatAsync();
        await chat.PressAsync("许个微心愿");
        await chat.SeeAsync("请说说您的心愿");
        await chat.SayAsync("孩子上三年级了，想要一个新书包和一些文具");
        await chat.SeeAsync("请问您住在哪个社区");
        await chat.PressAsync("青山社区");
        await chat.SeeAsync("心愿墙上想用什么昵称");
        await chat.PressAsync("不用了");
        await chat.SeeAsync("请留一个联系电话");
        await chat.SayAsync("13905382345");
        await chat.SeeAsync("请确认您的微心愿");
        var transcript = chat.Page.Locator("#webchat .webchat__basic-transcript__transcript");
        Assert.Equal(1, await transcript.GetByRole(AriaRole.Button, new() { Name = "确认提交", Exact = true }).CountAsync());
        await chat.PressAsync("确认提交");
        await chat.SeeAsync("您的微心愿已提交！心愿编号");

        var wishId = WishNumber().Match(await chat.TranscriptAsync()).Value;
        var wish = (await App.Get<WishStore>().LoadAsync(wishId, CancellationToken.None))!.State;
        Assert.Equal((WishStatus.Submitted, "study", "qingshan", (string?)null), (wish.Status, wish.Category, wish.CommunityId, wish.Nickname));
        Assert.Equal("孩子上三年级了，想要一个新书包和一些文具", wish.Text);
        await chat.PressAsync("我的心愿");
        await chat.SeeAsync("待审核");
    }

    [Fact]
    public async Task Liaison_claims_a_project_by_filling_in_the_commitment_form_in_web_chat()
    {
        var cycle = new OrderCycle(App);
        var organizer = await App.KeyAsync(ActorRole.Organizer, "caiyuan", "财源街道党工委");
        var now = DateTimeOffset.UtcNow;
        var created = await cycle.PostAsync("/api/projects", organizer, new
        {
            title = "健康服务在身边", category = "医疗健康", goal = "组织辖区医疗单位为老年人开展义诊和健康讲座。",
            startsOn = now, endsOn = now.AddDays(90), unitsWanted = 5,
        });
        var projectId = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.True((await cycle.PostAsync($"/api/projects/{projectId}/publish", organizer, null)).IsSuccessStatusCode);

        var chat = await OpenChatAsync();
        await chat.SayAsync($"绑定 {await cycle.BindingCodeAsync("caiyuan-health-centre")}");
        await chat.SeeAsync("绑定成功");
        await chat.PressAsync("看看项目");
        await chat.SeeAsync("可认领的项目");
        await chat.PressAsync("认领");
        await chat.SeeAsync("认领协议：健康服务在身边");

        var day = now.ToOffset(TimeSpan.FromHours(8)).AddDays(30).ToString("yyyy-MM-dd");
        var form = chat.Page.Locator("#webchat .ac-adaptiveCard").Last;
        await form.Locator("textarea").FillAsync("每月派两名医生到各社区义诊一次，建立健康档案");
        await form.Locator("input[type=date]").FillAsync(day);
        await chat.PressAsync("提交认领");
        await chat.SeeAsync("已提交认领！");

        var claim = Assert.Single((await App.Get<ProjectStore>().LoadAsync(projectId, CancellationToken.None))!.State.Claims);
        Assert.Equal(("caiyuan-health-centre", ClaimStatus.Pending, "每月派两名医生到各社区义诊一次，建立健康档案"), (claim.UnitId, claim.Status, claim.Commitment));
        Assert.Equal(day, claim.ProvideBy.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd"));
    }

    [GeneratedRegex(@"WX\d{6}-[A-Z0-9]{6}")]
    private static partial Regex WishNumber();
}
