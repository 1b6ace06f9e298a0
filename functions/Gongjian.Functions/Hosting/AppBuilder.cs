using Gongjian.Engine;
using Gongjian.Domain.Orders;
using Gongjian.Bot;
using Gongjian.Functions.Abuse;
using Gongjian.Bot.Http;
using Gongjian.Functions.Access;
using Gongjian.Functions.BotDesk;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting.Triggers;
using Gongjian.Functions.Http;
using Gongjian.Functions.Http.Contract;
using Gongjian.Functions.Observability;
using Gongjian.Functions.Open311;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Showcases;
using Gongjian.Functions.Showcases.Pages;
using Gongjian.Functions.StaffConsole;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Hosting;

/// <summary>Builds the app: the same for standalone hosting, the Functions custom handler and tests.</summary>
public static class AppBuilder
{
    public const long MaxRequestBytes = 40L * 1024 * 1024;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // No config-file reload: nothing here reads appsettings.json, and its watcher (inotify over the
        // whole content root) costs ≈ 0.1–0.5 s of cold start.
        var builder = WebApplication.CreateSlimBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
        builder.WebHost.UseUrls(ListenUrl(builder.Configuration));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBytes);
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Services.AddGongjian(builder.Configuration);
        builder.AddObservability();
        builder.Services.AddApiContract();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseMiddleware<CorrelationMiddleware>(); // first: routing's and problem answers' log lines carry the id too
        app.UseOpen311StandalonePath(); // before routing: /open311/v2/… is served by the functions at /api/open311/v2/…
        app.UseRouting(); // explicit, so that it runs inside the correlation scope (the implicit one would run first)
        app.UseMiddleware<ProblemMiddleware>();
        app.UseMiddleware<BotFrontDoor>();
        app.UseMiddleware<StaffAuthentication>();
        app.UseRateLimits(); // after staff authentication: a staff key is its own, more generous partition
        app.MapFunctions();
        app.MapBackgroundInvocations();
        app.MapBotStandalonePaths();
        app.MapConsoleStandalonePaths();
        app.MapApiContract();
        app.MapGet("/", () => Results.Redirect("/api/docs")).ExcludeFromDescription();
        return app;
    }

    public static IServiceCollection AddGongjian(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => StorageSettings.From(configuration));
        services.AddOptions<StorageOptions>().BindConfiguration("Storage");
        services.AddSingleton<StorageClients>();
        services.AddSingleton<StorageSetupCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageSetupCheck>());
        services.AddHostedService<WarmUpAfterStart>();
        services.AddOptions<SlaOptions>().BindConfiguration("Sla");
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SlaOptions>>().Value.ToPolicy());
        services.AddOptions<PrivacyOptions>().BindConfiguration("Privacy");
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PrivacyOptions>>().Value.ToPolicy());
        _ = Access.PersonKeys.Parse(configuration["Privacy:PersonKeySecret"]);
        services.AddSingleton(sp => Access.PersonKeys.From(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PrivacyOptions>>(),
            sp.GetRequiredService<ILogger<Access.PersonKeys>>()));
        services.AddSingleton<Gongjian.Engine.IEngineStorage>(sp => sp.GetRequiredService<StorageClients>());
        services.AddSingleton<Engine.NotificationSender>();
        // The bot places orders (its turns reach the order store) and orders notify the bot: the sender takes
        // the delivery lazily, once the graph is built, instead of resolving that cycle at construction.
        services.AddSingleton(sp => new Lazy<Gongjian.Bot.Notifications.NotificationDelivery>(sp.GetRequiredService<Gongjian.Bot.Notifications.NotificationDelivery>));
        services.AddModule<OrderState, OrderCommand, OrderEvent, OrderModule, OrderStorage, OrderStore, Engine.OrderNotifier, Observability.OrderObserver>(
            sp => new OrderModule(sp.GetRequiredService<SlaPolicy>(), sp.GetRequiredService<Gongjian.Domain.Privacy.RetentionPolicy>()));
        // 微心愿 (module #2): the engine's second module; its reminders wait Wishes:ClaimRemindDays / FulfilRemindDays.
        services.AddOptions<Wishes.WishOptions>().BindConfiguration("Wishes");
        services.AddModule<Gongjian.Domain.Wishes.WishState, Gongjian.Domain.Wishes.WishCommand, Gongjian.Domain.Wishes.WishEvent, Gongjian.Domain.Wishes.WishModule,
            Wishes.WishStorage, Wishes.WishStore, Wishes.WishNotifier,
            NoCommandObserver<Gongjian.Domain.Wishes.WishState, Gongjian.Domain.Wishes.WishCommand, Gongjian.Domain.Wishes.WishEvent>>(
            sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Wishes.WishOptions>>().Value.ToModule(sp.GetRequiredService<Gongjian.Domain.Privacy.RetentionPolicy>()));
        services.AddSingleton<Wishes.WishCommandRunner>();
        // 项目清单: module #3 of the app (functions/Gongjian.Functions/Projects).
        services.AddModule<Gongjian.Domain.Projects.ProjectState, Gongjian.Domain.Projects.ProjectCommand, Gongjian.Domain.Projects.ProjectEvent,
            Gongjian.Domain.Projects.ProjectModule, Projects.ProjectStorage, Projects.ProjectStore, Projects.ProjectNotifier, Projects.ProjectObserver>(
            _ => new Gongjian.Domain.Projects.ProjectModule());
        services.AddSingleton<Projects.ProjectCommandRunner>();
        // Records for evaluation (issue 11, item 8): orders', wishes' and projects' notifiers also write table `records`.
        Records.RecordServices.AddRecordsOf<OrderState, Engine.OrderNotifier>(services, Records.RecordKinds.From);
        // Order indicators (issue 14): the order notifier also keeps the unit-month tallies (functions/Gongjian.Functions/Indicators).
        Indicators.IndicatorServices.AddOrderIndicators(services);
        Records.RecordServices.AddRecordsOf<Gongjian.Domain.Wishes.WishState, Wishes.WishNotifier>(services, Records.RecordKinds.From);
        Records.RecordServices.AddRecordsOf<Gongjian.Domain.Projects.ProjectState, Projects.ProjectNotifier>(services, Records.RecordKinds.From);
        // 需求清单 and 资源清单: modules #4 and #5 (functions/Gongjian.Functions/Needs, Resources; branch lists).
        services.AddModule<Gongjian.Domain.Needs.NeedState, Gongjian.Domain.Needs.NeedCommand, Gongjian.Domain.Needs.NeedEvent, Gongjian.Domain.Needs.NeedModule,
            Needs.NeedStorage, Needs.NeedStore, Needs.NeedNotifier,
            NoCommandObserver<Gongjian.Domain.Needs.NeedState, Gongjian.Domain.Needs.NeedCommand, Gongjian.Domain.Needs.NeedEvent>>(_ => new Gongjian.Domain.Needs.NeedModule());
        services.AddSingleton<Needs.NeedCommandRunner>();
        services.AddModule<Gongjian.Domain.Resources.ResourceState, Gongjian.Domain.Resources.ResourceCommand, Gongjian.Domain.Resources.ResourceEvent,
            Gongjian.Domain.Resources.ResourceModule, Resources.ResourceStorage, Resources.ResourceStore, Resources.ResourceNotifier,
            NoCommandObserver<Gongjian.Domain.Resources.ResourceState, Gongjian.Domain.Resources.ResourceCommand, Gongjian.Domain.Resources.ResourceEvent>>(
            _ => new Gongjian.Domain.Resources.ResourceModule());
        services.AddSingleton<Resources.ResourceCommandRunner>();
        // 双报到 (issue 12, branch people): 单位报到 and 个人报到 with service hours (functions/Gongjian.Functions/People).
        services.AddModule<Gongjian.Domain.People.UnitReportState, Gongjian.Domain.People.UnitReportCommand, Gongjian.Domain.People.UnitReportEvent,
            Gongjian.Domain.People.UnitReportModule, People.UnitReportStorage, People.UnitReportStore, People.UnitReportNotifier,
            NoCommandObserver<Gongjian.Domain.People.UnitReportState, Gongjian.Domain.People.UnitReportCommand, Gongjian.Domain.People.UnitReportEvent>>(
            _ => new Gongjian.Domain.People.UnitReportModule());
        services.AddModule<Gongjian.Domain.People.PersonState, Gongjian.Domain.People.PersonCommand, Gongjian.Domain.People.PersonEvent,
            Gongjian.Domain.People.PersonModule, People.PersonStorage, People.PersonStore, People.PersonNotifier,
            NoCommandObserver<Gongjian.Domain.People.PersonState, Gongjian.Domain.People.PersonCommand, Gongjian.Domain.People.PersonEvent>>(
            _ => new Gongjian.Domain.People.PersonModule());
        Records.RecordServices.AddRecordsOf<Gongjian.Domain.People.UnitReportState, People.UnitReportNotifier>(services, People.PeopleRecords.From);
        Records.RecordServices.AddRecordsOf<Gongjian.Domain.People.PersonState, People.PersonNotifier>(services, People.PeopleRecords.From);
        services.AddSingleton<People.UnitReportRunner>();
        services.AddSingleton<People.PersonRunner>();
        services.AddSingleton<People.CommunityTeams>();
        // 活动预告与报名 (functions/Gongjian.Functions/Activities; branch activities).
        services.AddModule<Gongjian.Domain.Activities.ActivityState, Gongjian.Domain.Activities.ActivityCommand, Gongjian.Domain.Activities.ActivityEvent,
            Gongjian.Domain.Activities.ActivityModule, Activities.ActivityStorage, Activities.ActivityStore, Activities.ActivityNotifier,
            NoCommandObserver<Gongjian.Domain.Activities.ActivityState, Gongjian.Domain.Activities.ActivityCommand, Gongjian.Domain.Activities.ActivityEvent>>(
            sp => new Gongjian.Domain.Activities.ActivityModule(Gongjian.Domain.Activities.ActivityModule.DefaultRemindBefore,
                sp.GetRequiredService<Gongjian.Domain.Privacy.RetentionPolicy>().EraseAfter)); // registrants' names and phones: the orders' retention
        services.AddSingleton<Activities.ActivityRegistrar>();
        services.AddSingleton<Activities.ActivityCommandRunner>();
        Records.RecordServices.AddRecordsOf<Gongjian.Domain.Activities.ActivityState, Activities.ActivityNotifier>(services, Records.RecordKinds.From);
        // 资源共享预约 (issue 12): module #6, one ledger per resource and Beijing day (functions/Gongjian.Functions/Bookings).
        services.AddModule<Gongjian.Domain.Bookings.BookingLedgerState, Gongjian.Domain.Bookings.BookingCommand, Gongjian.Domain.Bookings.BookingEvent,
            Gongjian.Domain.Bookings.BookingModule, Bookings.BookingStorage, Bookings.BookingStore, Bookings.BookingNotifier,
            NoCommandObserver<Gongjian.Domain.Bookings.BookingLedgerState, Gongjian.Domain.Bookings.BookingCommand, Gongjian.Domain.Bookings.BookingEvent>>(
            sp => new Gongjian.Domain.Bookings.BookingModule(sp.GetRequiredService<Gongjian.Domain.Privacy.RetentionPolicy>().EraseAfter)); // bookers' names and phones
        Records.RecordServices.AddRecordsOf<Gongjian.Domain.Bookings.BookingLedgerState, Bookings.BookingNotifier>(services, Records.RecordKinds.From);
        services.AddSingleton<Bookings.BookingCommandRunner>();
        // 网格 and 格事坊 (issue 13, branch grids): grids are a plain table, reports a module; an order made of a report closes it.
        services.AddModule<Gongjian.Domain.GridReports.GridReportState, Gongjian.Domain.GridReports.GridReportCommand, Gongjian.Domain.GridReports.GridReportEvent,
            Gongjian.Domain.GridReports.GridReportModule, GridReports.GridReportStorage, GridReports.GridReportStore, GridReports.GridReportNotifier,
            NoCommandObserver<Gongjian.Domain.GridReports.GridReportState, Gongjian.Domain.GridReports.GridReportCommand, Gongjian.Domain.GridReports.GridReportEvent>>(
            _ => new Gongjian.Domain.GridReports.GridReportModule());
        Records.RecordServices.AddRecordsOf<Gongjian.Domain.GridReports.GridReportState, GridReports.GridReportNotifier>(services, GridReports.GridReportRecords.From);
        GridReports.GridReportOrderLinkServices.AddGridReportOrderLink(services);
        services.AddSingleton<GridReports.GridReportCommandRunner>();
        services.AddSingleton<Grids.GridBook>();
        // 议事 (提审议办评; functions/Gongjian.Functions/Deliberations; branch deliberation): wraps the order and project notifiers.
        Deliberations.DeliberationServices.AddDeliberations(services);
        Records.RecordServices.AddRecordsOf<Gongjian.Domain.Deliberations.DeliberationState, Deliberations.DeliberationNotifier>(services, Deliberations.DeliberationRecords.From);
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<MessageInstanceIds>();
        services.AddSingleton<OrderCommandRunner>();
        services.AddSingleton<OrderPlacement>();
        services.AddSingleton<CommunityDirectory>();
        services.AddSingleton<StaffKeys>();
        services.AddSingleton<StaffSessions>();
        services.AddSingleton<Open311ClientKeys>();
        services.AddSingleton<PhotoUploads>();
        services.AddSingleton<PhotoStore>();
        services.AddSingleton<OrphanPhotoSweeper>();
        services.AddSingleton<ShowcaseStore>();
        services.AddSingleton<ShowcaseMarker>();
        // The console's second slice: suggested units, the contact audit, the street's overview.
        services.AddSingleton<Dispatching.UnitLoad>();
        services.AddSingleton<ContactAudit.ContactViewLog>();
        services.AddSingleton<StaffInbox.StaffNotices>();
        services.AddPublicPages();
        services.AddSingleton<FunctionCatalog>();
        services.AddRateLimits();
        services.AddTriggers(configuration);
        services.AddBotDesk(configuration);
        // 年度评议 (issue 14, branch scorecard): functions/Gongjian.Functions/Scorecards.
        Scorecards.ScorecardServices.AddScorecards(services);
        // 格事坊 filing, shared by the phone page's HTTP function and the chat's desk (branch gridchat).
        services.AddSingleton<GridReports.GridReportFiling>();
        return services;
    }

    /// <summary>Under the Functions host the port comes from it; standalone it is 7071, like <c>func start</c>.</summary>
    private static string ListenUrl(IConfiguration configuration) =>
        (configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] ?? configuration["FUNCTIONS_HTTPWORKER_PORT"]) is { Length: > 0 } port
            ? $"http://127.0.0.1:{port}"
            : configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://127.0.0.1:7071";
}
