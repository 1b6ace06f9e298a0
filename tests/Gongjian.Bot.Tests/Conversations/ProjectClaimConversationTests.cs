using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Projects;
using Gongjian.Functions.Projects;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>
/// 项目认领 in chat, through the real app (Direct Line, Azure Tables, the projects module): a bound liaison lists the
/// projects open to its unit's categories, opens a project's 认领协议 form and sends it back; refusals (full, already
/// claimed) are said politely; without a card the commitment and the day are typed. GONGJIAN_TRANSCRIPTS saves the chat.
/// </summary>
public sealed class ProjectClaimConversationTests(AzuriteFixture azurite) : BotAppTest(azurite)
{
    [Fact]
    public async Task A_liaison_lists_open_projects_and_claims_one_with_the_commitment_form()
    {
        var health = await PublishedProjectAsync("健康服务在身边", "医疗健康", places: 1);
        var law = await PublishedProjectAsync("法律咨询进社区", "法律服务", places: 3);
        var elderly = await PublishedProjectAsync("银龄陪伴", "其他", places: 2);
        var chat = await BoundLiaisonAsync("caiyuan-health-centre"); // categories health, elderly: projects of 医疗健康 (and 其他)

        var list = await chat.SayAsync("看看项目");
        Assert.Contains("健康服务在身边", list);
        Assert.Contains("银龄陪伴", list);
        Assert.DoesNotContain("法律咨询进社区", list); // not one of the unit's categories
        Assert.Contains("剩余名额", list);
        Assert.Contains($"认领项目 {health}", list);

        var form = await chat.SayAsync($"认领项目 {health}");
        Assert.Contains("认领协议：健康服务在身边", form);
        Assert.Contains("\"id\":\"commitment\"", form);
        Assert.Contains("\"id\":\"provideBy\"", form);

        var day = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(20).ToString("yyyy-MM-dd");
        Assert.Contains("认领协议还没填完整", await chat.SayAsync("", new { action = "claimProject", projectId = health, commitment = "", provideBy = day }));
        Assert.Contains("已提交认领", await chat.SayAsync("", new { action = "claimProject", projectId = health, commitment = "每月派两名医生到社区义诊一次，提供血压、血糖检测", provideBy = day }));
        var claim = Assert.Single((await StateAsync(health)).Claims);
        Assert.Equal(("caiyuan-health-centre", ClaimStatus.Pending), (claim.UnitId, claim.Status));
        Assert.Equal("每月派两名医生到社区义诊一次，提供血压、血糖检测", claim.Commitment);
        Assert.Equal(day, claim.ProvideBy.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd"));

        // Claimed (and now full): gone from the list; pressed again, a polite refusal and nothing written.
        Assert.DoesNotContain("健康服务在身边", await chat.SayAsync("看看项目"));
        var again = await chat.SayAsync($"认领项目 {health}");
        Assert.Contains("抱歉，这次没能认领：本单位已认领这个项目，正在等待审核", again);
        Assert.Contains("看看项目", again);
        Assert.Contains("抱歉，这次没能认领：本单位已认领这个项目", await chat.SayAsync("", new { action = "claimProject", projectId = health, commitment = "再认领一次", provideBy = day }));
        Assert.Single((await StateAsync(health)).Claims);

        // Another unit: the full project is refused; the open one is claimed by typing (a channel without cards).
        var volunteers = await BoundLiaisonAsync("caiyuan-volunteers");
        Assert.Contains("项目认领名额已满", await volunteers.SayAsync($"认领项目 {health}"));
        Assert.Contains("认领协议", await volunteers.SayAsync($"认领项目 {elderly}"));
        Assert.Contains("预计什么时候完成", await volunteers.SayAsync("每周组织志愿者上门陪伴独居老人两次"));
        Assert.Contains("没看懂这个日期", await volunteers.SayAsync("下个月吧"));
        var typedDay = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(10);
        Assert.Contains("已提交认领", await volunteers.SayAsync(typedDay.ToString("M月d日")));
        var typed = Assert.Single((await StateAsync(elderly)).Claims);
        Assert.Equal(("caiyuan-volunteers", "每周组织志愿者上门陪伴独居老人两次"), (typed.UnitId, typed.Commitment));
        Assert.Empty((await StateAsync(law)).Claims);

        var transcript = Transcripts.Render("联络员查看可认领的项目并认领",
            [("联络员（财源街道社区卫生服务中心）", chat.Seen), ("联络员（财源街道学雷锋志愿服务队，不用卡片）", volunteers.Seen)],
            "测试 `ProjectClaimConversationTests.A_liaison_lists_open_projects_and_claims_one_with_the_commitment_form` 生成（Direct Line，Azurite）。" +
            "项目由街道在工作台发布；认领提交后由街道或社区审核。");
        Assert.DoesNotContain("没太明白", transcript);
        await Transcripts.SaveAsync("project-claim-liaison.md", transcript);
    }

    [Fact]
    public async Task Projects_are_for_bound_liaisons_and_a_closed_project_cannot_be_claimed()
    {
        var project = await PublishedProjectAsync("健康服务在身边", "医疗健康", places: 2);
        var resident = await DirectLineClient.StartAsync(App.Http);
        await resident.BotMessagesAsync(null);
        Assert.Contains("需要先绑定单位", await resident.SayAsync("看看项目"));
        Assert.Contains("需要先绑定单位", await resident.SayAsync($"认领项目 {project}"));

        var organizer = await App.KeyAsync(ActorRole.Organizer, "caiyuan", "财源街道党工委");
        Assert.True((await Cycle.PostAsync($"/api/projects/{project}/cancel", organizer, new { text = "计划调整" })).IsSuccessStatusCode);
        var chat = await BoundLiaisonAsync("caiyuan-health-centre");
        Assert.Contains("目前没有与本单位服务类别相符", await chat.SayAsync("可认领的项目"));
        Assert.Contains("抱歉，这次没能认领：项目已取消", await chat.SayAsync($"认领项目 {project}"));
        Assert.Contains("项目不存在", await chat.SayAsync("认领项目 pj000000000000"));
        Assert.Empty((await StateAsync(project)).Claims);
    }

    private async Task<DirectLineClient> BoundLiaisonAsync(string unitId)
    {
        var chat = await DirectLineClient.StartAsync(App.Http);
        await chat.BotMessagesAsync(null);
        Assert.Contains("绑定成功", await chat.SayAsync($"绑定 {await Cycle.BindingCodeAsync(unitId)}"));
        return chat;
    }

    private async Task<string> PublishedProjectAsync(string title, string category, int places)
    {
        var organizer = await App.KeyAsync(ActorRole.Organizer, "caiyuan", "财源街道党工委");
        var now = DateTimeOffset.UtcNow;
        var created = await Cycle.PostAsync("/api/projects", organizer, new
        {
            title, category, goal = $"{title}：组织共建单位为居民提供服务。", startsOn = now, endsOn = now.AddDays(60), unitsWanted = places,
            milestones = new[] { new { title = "首次活动", dueAt = now.AddDays(30) } },
        });
        var body = await created.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True((int)created.StatusCode == 201, body?.ToJsonString());
        var id = (string)body!["id"]!;
        Assert.True((await Cycle.PostAsync($"/api/projects/{id}/publish", organizer, null)).IsSuccessStatusCode);
        return id;
    }

    private async Task<ProjectState> StateAsync(string id) => (await App.Get<ProjectStore>().LoadAsync(id, CancellationToken.None))!.State;
}
