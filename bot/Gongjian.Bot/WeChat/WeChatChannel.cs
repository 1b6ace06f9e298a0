using System.Security.Cryptography;
using System.Text;
using Gongjian.Bot.Activities;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// The WeChat Official Account as a channel of the bot. A resident's conversation id is a stand-in for
/// the openid (a hash of AppID and openid): conversation state, links and logs never hold the openid,
/// which lives only in the <see cref="WeChatUsers"/> row of that conversation.
/// </summary>
public static class WeChatChannel
{
    public const string ChannelId = "wechat";
    public const string ServiceUrl = "urn:gongjian:wechat";

    public static bool Is(ConversationReference reference) => reference.ServiceUrl == ServiceUrl && reference.ChannelId == ChannelId;

    public static string ConversationIdOf(string appId, string openId) =>
        "wx" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appId + "\n" + openId)))[..30];
}
