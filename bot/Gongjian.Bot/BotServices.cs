using Gongjian.Bot.Auth;
using Gongjian.Bot.Connector;
using Gongjian.Bot.Conversations;
using Gongjian.Bot.Conversations.Liaison;
using Gongjian.Bot.Conversations.MicroWishes;
using Gongjian.Bot.Conversations.Resident;
using Gongjian.Bot.DirectLine;
using Gongjian.Bot.Notifications;
using Gongjian.Bot.Pipeline;
using Gongjian.Bot.Storage;
using Gongjian.Bot.WeChat;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Bot;

public static class BotServices
{
    /// <summary>
    /// The bot's services. The host adds what only it can make: <see cref="BotTables"/> (it knows the
    /// storage account), an <see cref="Desk.IOrderDesk"/>, an <see cref="Desk.IMicroWishDesk"/>, an <see cref="Desk.IProjectDesk"/> and, optionally, an <c>IWishUnderstanding</c>
    /// (without one the bot asks for every field).
    /// </summary>
    public static IServiceCollection AddGongjianBot(this IServiceCollection services)
    {
        services.AddOptions<BotOptions>().BindConfiguration("Bot");
        services.AddHttpClient(ConnectorClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(PhotoReader.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddHttpClient(GroupWebhook.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));

        services.AddSingleton<ConnectorAuthentication>();
        services.AddSingleton<ConnectorTokens>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<TranscriptStore>();
        services.AddSingleton<DirectLineInbox>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<ConversationLinks>();
        services.AddSingleton<BindingCodes>();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<ChatRetention>();

        services.AddSingleton<WishReader>();
        services.AddSingleton<WishDialog>();
        services.AddSingleton<ProgressDialog>();
        services.AddSingleton<RatingDialog>();
        services.AddSingleton<BindingDialog>();
        services.AddSingleton<PhotoReader>();
        services.AddSingleton<LiaisonDialog>();
        // 微心愿 and 项目认领 in chat; the host adds their desks (IMicroWishDesk, IProjectDesk).
        services.AddSingleton<MicroWishDialog>();
        services.AddSingleton<ProjectDialog>();
        services.AddSingleton<Conversations.Activities.ActivityDialog>();
        services.AddSingleton<Conversations.Bookings.BookingDialog>();
        services.AddSingleton<Conversations.People.ReportDialog>();
        services.AddSingleton<CommunityLife>();
        // 议事 in chat (branch deliberation); the host adds its desk (IDeliberationDesk).
        services.AddSingleton<Conversations.Deliberations.TopicDialog>();
        // 格事坊 随手拍 for bound grid workers; the host adds its desk (IGridReportDesk).
        services.AddSingleton<Conversations.Grid.GridReportDialog>();
        services.AddSingleton<GongjianBot>();

        services.AddSingleton<ActivitySender>();
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<TurnQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnQueue>());
        services.AddSingleton<InboundGate>();
        services.AddSingleton<GroupWebhook>();
        services.AddSingleton<NotificationDelivery>();

        // The WeChat Official Account channel (section WeChat, as infra-bicep writes it); the host adds its table (WeChat.WeChatTables).
        services.AddOptions<WeChat.WeChatOptions>().BindConfiguration(WeChat.WeChatOptions.Section);
        // No request logging: the API's URLs carry the access token.
        services.AddHttpClient(WeChat.WeChatAccessTokens.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        services.AddSingleton<WeChat.WeChatAccessTokens>();
        services.AddSingleton<WeChat.WeChatApi>();
        services.AddSingleton<WeChat.WeChatUsers>();
        services.AddSingleton<WeChat.WeChatPassiveReplies>();
        services.AddSingleton<WeChat.WeChatOutbox>();
        services.AddSingleton<WeChat.WeChatCompletionPhoto>();
        services.AddSingleton<WeChat.WeChatReceiver>();
        services.AddRequestLinePrivacy();
        // The WeCom self-built app for liaisons (section WeCom): cards, taps, photos; it shares the WeChat table and HTTP client.
        services.AddOptions<WeCom.WeComOptions>().BindConfiguration(WeCom.WeComOptions.Section);
        services.AddSingleton<WeCom.WeComAccessTokens>();
        services.AddSingleton<WeCom.WeComApi>();
        services.AddSingleton<WeCom.WeComMembers>();
        services.AddSingleton<WeCom.WeComCardTaps>();
        services.AddSingleton<WeCom.WeComLiveCards>();
        services.AddSingleton<WeCom.WeComOutbox>();
        services.AddSingleton<WeCom.WeComReceiver>();
        return services;
    }
}
