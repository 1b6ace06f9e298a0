using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Photos;
using Gongjian.WeChatSim;

namespace Gongjian.Bot.Tests.WeChat;

/// <summary>
/// A WeChat resident's order completed with a photo: the photo itself, uploaded as temporary
/// media (multipart) and sent as a customer-service image message — the bytes are the stored, EXIF-free photo — then the
/// completion text with the rating question. A refused
/// upload is logged with its errcode and the text still goes out.
/// </summary>
public sealed class WeChatCompletionPhotoTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Resident = "oWx_resident_Zhao_0002";
    private WeChatRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await WeChatRig.StartAsync(azurite);
    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    /// <summary>An order the resident placed on WeChat, dispatched and accepted; returns its id and the liaison's key.</summary>
    private async Task<(string OrderId, string Liaison)> AcceptedOrderAsync()
    {
        var sim = _rig.Sim;
        await sim.FollowAsync(Resident);
        await sim.TextAsync(Resident, "楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234");
        var placed = (await sim.TextAsync(Resident, "确认提交")).Passive!;
        var orderId = WeChatRig.OrderIdIn(placed);
        var dispatcher = await _rig.App.KeyAsync(ActorRole.Dispatcher, "dongqili");
        Assert.True((await _rig.Cycle.PostAsync($"/api/orders/{orderId}/dispatch", dispatcher, new { unitId = "baosheng-property" })).IsSuccessStatusCode);
        var liaison = await _rig.App.KeyAsync(ActorRole.Liaison, "baosheng-property");
        Assert.True((await _rig.Cycle.PostAsync($"/api/orders/{orderId}/accept", liaison, null)).IsSuccessStatusCode);
        await sim.WaitForAsync(Resident, i => i.Any(r => r.Text.Contains("接单，正在办理中")));
        return (orderId, liaison);
    }

    [Fact]
    public async Task The_resident_gets_the_completion_text_and_the_stored_EXIF_free_photo()
    {
        var (orderId, liaison) = await AcceptedOrderAsync();
        // The photo as the unit's phone took it, with metadata (where it was taken) that must not reach anyone.
        var completed = await _rig.Cycle.PostAsync($"/api/orders/{orderId}/complete", liaison,
            new { note = "已更换灯泡", photos = new[] { TestImages.PngBase64("GPS 36.1937N 117.1290E") } });
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());

        var inbox = await _rig.Sim.WaitForAsync(Resident, i => i.Any(r => r.Kind == Received.CustomerService && r.Text.Contains("办结")));
        var text = inbox.Single(r => r.Kind == Received.CustomerService && r.Text.Contains("办结"));
        var image = inbox.Single(r => r.Image is not null);
        Assert.True(inbox.ToList().IndexOf(image) < inbox.ToList().IndexOf(text), "the photo comes first, then the question whether it is solved");
        Assert.Equal(Received.ImageText, image.Text);

        var state = await _rig.Cycle.StateAsync(orderId);
        var stored = (await _rig.App.Get<PhotoStore>().OpenAsync(orderId, Assert.Single(state.AfterPhotoIds), CancellationToken.None))!.Value;
        using var buffer = new MemoryStream();
        await stored.Content.CopyToAsync(buffer);
        Assert.Equal(buffer.ToArray(), image.Image);
        Assert.DoesNotContain("GPS", System.Text.Encoding.Latin1.GetString(image.Image!));
        Assert.DoesNotContain("tEXt", System.Text.Encoding.Latin1.GetString(image.Image!));
        await Transcripts.SaveAsync("wechat-completion-photo.md", "# 微信公众号：办结通知附现场照片\n\n" + string.Join("\n\n",
            _rig.Sim.Conversation(Resident).Select(r => (r.Kind == Received.Follower ? "**居民**：" : "**小助手**：")
                + System.Text.RegularExpressions.Regex.Replace(r.Text, "<a href=\"[^\"]*\">([^<]*)</a>", "[$1]").Replace("\n", "  \n"))));
    }

    [Fact]
    public async Task A_refused_upload_is_logged_with_its_code_and_the_text_still_goes_out()
    {
        var (orderId, liaison) = await AcceptedOrderAsync();
        _rig.Sim.FailNextUpload(45009); // 接口调用超过限制
        var completed = await _rig.Cycle.PostAsync($"/api/orders/{orderId}/complete", liaison,
            new { note = "已更换灯泡", photos = new[] { TestImages.PngBase64() } });
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());
        await _rig.Sim.WaitForAsync(Resident, i => i.Any(r => r.Kind == Received.CustomerService && r.Text.Contains("办结")));
        await _rig.Logs.WaitForAsync(l => l.Contains("completion photo of order") && l.Contains("upload was refused"));
        Assert.Contains(_rig.Logs.Lines, l => l.Contains("/cgi-bin/media/upload") && l.Contains("errcode 45009"));
        Assert.DoesNotContain(_rig.Sim.Inbox(Resident), r => r.Image is not null);
        Assert.DoesNotContain(_rig.Logs.Lines, l => l.Contains(Resident));
    }
}
