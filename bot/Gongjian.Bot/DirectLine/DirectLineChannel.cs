using Gongjian.Bot.Activities;

namespace Gongjian.Bot.DirectLine;

/// <summary>
/// The app's own Direct Line channel. Its conversations are marked by a service URL that is not a
/// URL anyone can call: replies to them are appended to the transcript instead of posted to a
/// Connector, and nothing is ever downloaded on their behalf.
/// </summary>
public static class DirectLineChannel
{
    public const string ChannelId = "directline";
    public const string ServiceUrl = "urn:gongjian:directline";

    public static bool IsLocal(ConversationReference reference) => reference.ServiceUrl == ServiceUrl;

    public static bool IsLocal(Activity activity) => activity.ServiceUrl == ServiceUrl;
}
