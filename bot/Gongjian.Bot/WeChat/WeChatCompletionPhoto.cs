using System.Text.Json.Nodes;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Desk;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// The unit's completion photo, to the resident who placed the order on WeChat, just before the completion notice's text: uploaded
/// as temporary media (as stored: EXIF-free) and sent as a customer-service <c>image</c> message while the 48-hour window is
/// open. Outside it the subscription message has carried the text and no picture can follow (the order's page shows it).
/// The text must go out whatever becomes of the photo, so a refused upload or send is logged with its errcode and nothing more.
/// </summary>
public sealed class WeChatCompletionPhoto(IOrderDesk desk, WeChatUsers users, WeChatApi api, IOptions<WeChatOptions> options, TimeProvider clock,
    ILogger<WeChatCompletionPhoto> log)
{
    public async Task SendAsync(ConversationReference to, string orderId, CancellationToken ct)
    {
        if (!WeChatChannel.Is(to) || await users.GetAsync(to.ConversationId, ct) is not { } user) return;
        if (clock.GetUtcNow() - user.LastInboundAt >= options.Value.ServiceWindow)
        {
            log.LogInformation("WeChat completion photo not sent: outside the 48-hour window");
            return;
        }
        try
        {
            if (await desk.CompletionPhotoAsync(orderId, ct) is not { } photo) return;
            if (await api.UploadImageAsync(photo.Bytes, photo.ContentType, ct) is not { } mediaId)
            {
                log.LogWarning("WeChat completion photo of order {OrderId} not sent: the upload was refused", orderId);
                return;
            }
            var code = await api.PostAsync(WeChatApi.CustomSend,
                new JsonObject { ["touser"] = user.OpenId, ["msgtype"] = "image", ["image"] = new JsonObject { ["media_id"] = mediaId } }, ct);
            if (code != 0) log.LogWarning("WeChat completion photo of order {OrderId} not sent (errcode {ErrCode})", orderId, code);
        }
        catch (WeChatApiException e)
        {
            log.LogWarning("WeChat completion photo of order {OrderId} not sent (errcode {ErrCode})", orderId, e.ErrCode);
        }
    }
}
