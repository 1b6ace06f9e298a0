using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs.Models;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Photos;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>
/// Photos a resident sends while placing a wish (Web Chat uploads and data: URLs through the real
/// Direct Line endpoints): checked, kept aside in blob storage, shown on the card and attached to the
/// order as its before-photos.
/// </summary>
public sealed partial class ResidentPhotoTests(AzuriteFixture azurite) : BotAppTest(azurite)
{
    private async Task<DirectLineClient> ChatAsync()
    {
        var chat = await DirectLineClient.StartAsync(App.Http);
        await chat.BotMessagesAsync(null);
        return chat;
    }

    private static void Expect(string reply, params string[] parts)
    {
        foreach (var part in parts) Assert.True(reply.Contains(part), $"expected '{part}' in:\n{reply}");
    }

    private static string OrderIdIn(string reply) => OrderId().Match(reply) is { Success: true } m ? m.Value : throw new Xunit.Sdk.XunitException($"no order id in:\n{reply}");

    private async Task<IReadOnlyList<string>> StagedBlobsAsync()
    {
        var names = new List<string>();
        await foreach (var blob in App.Storage.Photos.GetBlobsAsync(BlobTraits.None, BlobStates.None, PhotoStaging.Prefix, CancellationToken.None)) names.Add(blob.Name);
        return names;
    }

    [Fact]
    public async Task Photos_sent_while_placing_a_wish_are_on_the_placed_order_without_metadata()
    {
        var chat = await ChatAsync();
        Expect(await chat.SayAsync("三楼楼道灯坏了一个星期了，东七里社区宝盛小区3号楼"), "联系电话");
        Expect(await chat.UploadAsync("", "image/png", TestImages.Png(text: "GPS 36.2,117.1")), "收到照片了（共 1 张）", "联系电话");
        Expect(await chat.SendFileAsync("", "image/png", TestImages.Png(width: 6)), "收到照片了（共 2 张）", "联系电话");
        Assert.Equal(2, (await StagedBlobsAsync()).Count);
        Expect(await chat.SayAsync("13805381234"), "请确认您的诉求", "照片：2 张");
        var orderId = OrderIdIn(await chat.SayAsync("确认提交"));

        var state = await Cycle.StateAsync(orderId);
        Assert.Equal(2, state.BeforePhotoIds.Count);
        Assert.Empty(await StagedBlobsAsync()); // moved to the order, not left behind

        var dispatcher = await App.KeyAsync(ActorRole.Dispatcher, "dongqili", "东七里社区派单员");
        foreach (var photoId in state.BeforePhotoIds)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{orderId}/photos/{photoId}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", dispatcher);
            using var response = await App.Http.SendAsync(request);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(TestImages.Png()[..8], bytes[..8]);
            Assert.DoesNotContain("GPS", System.Text.Encoding.Latin1.GetString(bytes));
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_picture_is_refused_in_chinese_and_the_wish_goes_on()
    {
        var chat = await ChatAsync();
        Expect(await chat.SayAsync("楼道灯坏了好几天"), "哪个社区");
        Expect(await chat.SendFileAsync("", "image/png", "这不是照片"u8.ToArray()), "不是图片", "没有保存", "哪个社区");
        Expect(await chat.SendFileAsync("", "application/pdf", "%PDF-1.4"u8.ToArray()), "只能接收照片", "哪个社区");
        Assert.Empty(await StagedBlobsAsync());
        Expect(await chat.SayAsync("东七里"), "具体地点");
        Expect(await chat.SayAsync("宝盛小区3号楼"), "联系电话");
        var card = await chat.SayAsync("13805381234");
        Expect(card, "请确认您的诉求");
        Assert.DoesNotContain("照片：", card);
        var orderId = OrderIdIn(await chat.SayAsync("确认提交"));
        Assert.Empty((await Cycle.StateAsync(orderId)).BeforePhotoIds);
    }

    [Fact]
    public async Task More_photos_than_an_order_takes_are_refused_and_the_ones_kept_stay()
    {
        var chat = await ChatAsync();
        Expect(await chat.SayAsync("楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234"), "请确认您的诉求");
        var eight = Enumerable.Range(1, 8).Select(i => ("image/png", TestImages.Png(width: i))).ToList();
        Expect(await chat.SendFilesAsync("", eight), "共 8 张", "照片：8 张");
        Expect(await chat.SendFilesAsync("", [("image/png", TestImages.Png()), ("image/png", TestImages.Png(width: 9))]),
            $"最多附 {OrderLimits.PhotosMax} 张照片", "已经有 8 张", "照片：8 张");
        Expect(await chat.SendFileAsync("", "image/png", TestImages.Png(width: 10)), "共 9 张", "照片：9 张");
        Expect(await chat.SendFileAsync("", "image/png", TestImages.Png(width: 11)), "最多附", "照片：9 张");
        Assert.Equal(9, (await StagedBlobsAsync()).Count);
        var orderId = OrderIdIn(await chat.SayAsync("确认提交"));
        Assert.Equal(9, (await Cycle.StateAsync(orderId)).BeforePhotoIds.Count);
    }

    [Fact]
    public async Task A_photo_alone_as_the_first_message_starts_the_wish_and_is_kept()
    {
        var chat = await ChatAsync();
        Expect(await chat.UploadAsync("", "image/png", TestImages.Png()), "收到照片了（共 1 张）", "遇到了什么问题");
        Expect(await chat.SayAsync("楼道灯坏了，东七里社区宝盛小区3号楼"), "联系电话");
        Expect(await chat.SayAsync("13805381234"), "照片：1 张");
        var orderId = OrderIdIn(await chat.SayAsync("确认提交"));
        Assert.Single((await Cycle.StateAsync(orderId)).BeforePhotoIds);
    }

    [Fact]
    public async Task A_photo_with_words_as_the_first_message_is_read_as_the_wish()
    {
        var chat = await ChatAsync();
        Expect(await chat.UploadAsync("三楼楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234", "image/png", TestImages.Png()),
            "收到照片了（共 1 张）", "请确认您的诉求", "照片：1 张", "宝盛小区3号楼");
        var orderId = OrderIdIn(await chat.SayAsync("确认提交"));
        var state = await Cycle.StateAsync(orderId);
        Assert.Single(state.BeforePhotoIds);
        Assert.Contains("楼道灯坏了", state.Text);
    }

    [GeneratedRegex(@"GJ\d{6}-[A-Z0-9]{6}")]
    private static partial Regex OrderId();
}
