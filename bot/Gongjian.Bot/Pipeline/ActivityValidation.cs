using Gongjian.Bot.Activities;

namespace Gongjian.Bot.Pipeline;

/// <summary>The fields without which an activity cannot be answered; the first one missing, in Chinese, or null.</summary>
public static class ActivityValidation
{
    public static string? Problem(Activity? a, bool requireServiceUrl) => a switch
    {
        null => "消息内容为空或不是 JSON 对象。",
        { Type: null or "" } => "消息缺少 type 字段。",
        { Conversation: null } or { Conversation.Id: null or "" } => "消息缺少 conversation.id 字段。",
        { ChannelId: null or "" } => "消息缺少 channelId 字段。",
        { From: null } or { From.Id: null or "" } => "消息缺少 from.id 字段。",
        { Type: ActivityTypes.Message, Id: null or "" } => "消息缺少 id 字段。",
        _ when requireServiceUrl && !IsHttpUrl(a.ServiceUrl) => "消息缺少有效的 serviceUrl 字段。",
        _ => null,
    };

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}
