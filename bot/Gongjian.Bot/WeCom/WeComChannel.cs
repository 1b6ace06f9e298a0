using System.Security.Cryptography;
using System.Text;
using Gongjian.Bot.Activities;

namespace Gongjian.Bot.WeCom;

/// <summary>
/// The WeCom self-built app as a channel of the bot, for liaisons. A liaison's conversation id is a stand-in for
/// the WeCom userid (a hash of CorpID and userid): conversation state, unit links and logs never hold the userid,
/// which lives only in the <see cref="WeComMembers"/> row of that conversation.
/// </summary>
public static class WeComChannel
{
    public const string ChannelId = "wecom";
    public const string ServiceUrl = "urn:gongjian:wecom";

    public static bool Is(ConversationReference reference) => reference.ServiceUrl == ServiceUrl && reference.ChannelId == ChannelId;

    public static string ConversationIdOf(string corpId, string userId) =>
        "wc" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(corpId + "\n" + userId)))[..30];
}
