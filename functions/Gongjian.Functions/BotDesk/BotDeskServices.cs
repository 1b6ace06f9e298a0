using Gongjian.Bot;
using Gongjian.Bot.Desk;
using Gongjian.Bot.Storage;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Storage;
using Gongjian.Understanding;
using Gongjian.Understanding.OpenAi;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongjian.Functions.BotDesk;

public static class BotDeskServices
{
    /// <summary>The chat front door on this app's storage and order cycle.</summary>
    public static IServiceCollection AddBotDesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGongjianBot();
        // The Bot Connector of the app's cloud (Azure:Cloud), whatever Bot:Cloud says.
        var cloud = Hosting.AzureCloud.From(configuration);
        services.PostConfigure<BotOptions>(o => o.Cloud = cloud.Name);
        // Azure OpenAI when configured, the offline reader otherwise (a host may register its own first).
        services.TryAddSingleton(sp => WishUnderstandingFactory.Create(OpenAiOptions(configuration, cloud), sp.GetService<ILoggerFactory>()));
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<StorageClients>();
            return new BotTables(
                storage.Table(BotTables.TranscriptsName), storage.Table(BotTables.StateName),
                storage.Table(BotTables.LinksName), storage.Table(BotTables.DeliveriesName));
        });
        services.AddSingleton(sp => new Gongjian.Bot.WeChat.WeChatTables(sp.GetRequiredService<StorageClients>().Table(Gongjian.Bot.WeChat.WeChatTables.Name)));
        services.AddSingleton<PhotoStaging>();
        services.AddSingleton<IOrderDesk, OrderDesk>();
        // 微心愿 and 项目认领 in chat, on the modules' own stores and rules.
        services.AddSingleton<IMicroWishDesk, MicroWishDesk>();
        services.AddSingleton<IProjectDesk, ProjectDesk>();
        // 活动报名, 资源预约 and 双报到 in chat, on the modules' own stores and rules.
        services.AddSingleton<IActivityDesk, ActivityDesk>();
        services.AddSingleton<IBookingDesk, BookingDesk>();
        services.AddSingleton<IPeopleDesk, PeopleDesk>();
        // 议事 in chat (branch deliberation): 我想提个议题, 我的议题.
        services.AddSingleton<IDeliberationDesk, DeliberationDesk>();
        // 格事坊 随手拍 in chat (branch gridchat): a bound grid worker files as its own key.
        services.AddSingleton<IGridReportDesk, GridReportDesk>();
        return services;
    }

    /// <summary><c>Understanding:OpenAI</c>, with the token audience of the app's cloud unless the section names one.</summary>
    public static OpenAiUnderstandingOptions? OpenAiOptions(IConfiguration configuration, Hosting.AzureCloud cloud)
    {
        var options = configuration.GetSection(OpenAiUnderstandingOptions.Section).Get<OpenAiUnderstandingOptions>();
        if (options is not null) options.Audience ??= cloud.OpenAiAudience;
        return options;
    }
}
