namespace Gongjian.Functions.Storage;

/// <summary>Names of the app's tables, queues and containers. A prefix isolates test runs on one Azurite.</summary>
public sealed class StorageOptions
{
    public string Prefix { get; set; } = "";

    /// <summary>
    /// Per try of a table or queue call (<c>Storage:NetworkTimeout</c>); <see cref="StorageClientPolicy.NetworkTimeout"/> when unset.
    /// Tests on a shared, overloaded machine give the local Azurite more patience: a slow answer there is not an outage.
    /// </summary>
    public TimeSpan? NetworkTimeout { get; set; }

    public string Table(string name) => Prefix + name;
    public string Queue(string name) => (Prefix + name).ToLowerInvariant();
    public string Container(string name) => (Prefix + name).ToLowerInvariant();
}

public static class TableNames
{
    public const string Orders = "orders";
    public const string OrderIndex = "orderindex";
    public const string Directory = "directory";
    public const string Keys = "keys";
    public const string Showcases = "showcases";
    public const string PhotoUploads = "photouploads";
    public const string Idempotency = "idempotency";
    /// <summary>Who saw a resident's unmasked phone and address, and when (PIPL audit; partition per order).</summary>
    public const string ContactViews = "contactviews";
    /// <summary>Staff notices (new orders, declines, 督办, digests) read in the console's inbox; partition per recipient.</summary>
    public const string StaffNotices = "staffnotices";
    /// <summary>微心愿 (module #2): one partition per wish; its lists (community, street, unit, person) in <c>wishindex</c>.</summary>
    public const string Wishes = "wishes";
    public const string WishIndex = "wishindex";
    public const string BotConversations = Gongjian.Bot.Storage.BotTables.TranscriptsName;
    public const string BotState = Gongjian.Bot.Storage.BotTables.StateName;
    public const string BotLinks = Gongjian.Bot.Storage.BotTables.LinksName;
    public const string BotDeliveries = Gongjian.Bot.Storage.BotTables.DeliveriesName;
    /// <summary>项目清单 (the projects module): one partition per project; its lists by street, community and unit.</summary>
    public const string Projects = "projects";
    public const string ProjectIndex = "projectindex";
    /// <summary>Records for the annual evaluation (claims, milestone reports, fulfilled wishes, completed orders, ...) and their month counters; partition per street and year.</summary>
    public const string Records = "records";
    // 需求清单 and 资源清单 (issue 11, branch lists): one partition per need / resource; lists by community, street and unit.
    public const string Needs = "needs";
    public const string NeedIndex = "needindex";
    public const string Resources = "resources";
    public const string ResourceIndex = "resourceindex";
    // 双报到 (issue 12, branch people): a unit's report per (unit, community, year) and a person's per (community, person); lists without names or phones.
    public const string UnitReports = "unitreports";
    public const string UnitReportIndex = "unitreportindex";
    public const string Persons = "persons";
    public const string PersonIndex = "personindex";
    /// <summary>活动预告与报名: one partition per activity (registrations, waiting list); lists (counts only) in <c>activityindex</c>.</summary>
    public const string Activities = "activities";
    public const string ActivityIndex = "activityindex";
    /// <summary>资源共享预约 (issue 12): one partition per resource-day ledger; its lists by owner unit and street.</summary>
    public const string Bookings = "bookings";
    public const string BookingIndex = "bookingindex";
    /// <summary>Order indicators (issue 14): per street-year partition, the unit-month tallies and, after them, the dispatch episodes they count (written together).</summary>
    public const string OrderTallies = "ordertallies";
    /// <summary>格事坊: the grids of a community with their team (PartitionKey community, RowKey grid), workers' check-ins, the reports module.</summary>
    public const string Grids = "grids";
    public const string GridCheckIns = "gridcheckins";
    public const string GridReports = "gridreports";
    public const string GridReportIndex = "gridreportindex";
    /// <summary>议事 (提审议办评): one partition per topic; lists (counts, never names) in <c>deliberationindex</c>; the link from an order or project back to its deliberation.</summary>
    public const string Deliberations = "deliberations";
    public const string DeliberationIndex = "deliberationindex";
    public const string DeliberationLinks = "deliberationlinks";
    /// <summary>WeChat Official Account channel (issue 15): residents' openids (personal data) and the shared access token.</summary>
    public const string BotWeChat = Gongjian.Bot.WeChat.WeChatTables.Name;
    /// <summary>年度评议 (issue 14): the schemes' versions, the manual points and the published scorecards, partition per street and year.</summary>
    public const string EvalSchemes = "evalschemes";
    public const string EvalManual = "evalmanual";
    public const string EvalResults = "evalresults";
    /// <summary>年度评议: every .xlsx export (who, when, what), partition per street.</summary>
    public const string EvalExports = "evalexports";
    /// <summary>双报到: the teams a community's staff set up beside the standing ones, partition per community.</summary>
    public const string Teams = "teams";
    public static readonly string[] All = [Orders, OrderIndex, Directory, Keys, Showcases, PhotoUploads, Idempotency, ContactViews, StaffNotices, Wishes, WishIndex, BotConversations, BotState, BotLinks, BotDeliveries,
        Projects, ProjectIndex,
        Records,
        Needs, NeedIndex, Resources, ResourceIndex,
        UnitReports, UnitReportIndex, Persons, PersonIndex, Teams,
        Activities, ActivityIndex,
        Bookings, BookingIndex,
        OrderTallies,
        Grids, GridCheckIns, GridReports, GridReportIndex, Deliberations, DeliberationIndex, DeliberationLinks, BotWeChat, EvalSchemes, EvalManual, EvalResults, EvalExports];
}

public static class ContainerNames
{
    public const string Photos = "photos";
    /// <summary>Blob leases and last-run records of the standalone host's timers.</summary>
    public const string Locks = "locks";
}
