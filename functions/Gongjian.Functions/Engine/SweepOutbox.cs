using Gongjian.Domain.Orders;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Engine;

/// <summary>Timer function: every minute, relays what a crash left in the outbox (rows older than 30 s), of every module.</summary>
public static class SweepOutbox
{
    public static readonly TimerTrigger Trigger = new("0 * * * * *");

    public static async Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct)
    {
        var repaired = await services.GetRequiredService<Relay<OrderState, OrderCommand, OrderEvent>>().SweepAsync(TimeSpan.FromSeconds(30), ct);
        if (repaired > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SweepOutbox)).LogInformation("Outbox sweep repaired {Count} orders", repaired);
        var wishes = await services.GetRequiredService<Relay<Domain.Wishes.WishState, Domain.Wishes.WishCommand, Domain.Wishes.WishEvent>>().SweepAsync(TimeSpan.FromSeconds(30), ct);
        if (wishes > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SweepOutbox)).LogInformation("Outbox sweep repaired {Count} wishes", wishes);
        var projects = await services.GetRequiredService<Relay<Gongjian.Domain.Projects.ProjectState, Gongjian.Domain.Projects.ProjectCommand, Gongjian.Domain.Projects.ProjectEvent>>()
            .SweepAsync(TimeSpan.FromSeconds(30), ct);
        if (projects > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SweepOutbox)).LogInformation("Outbox sweep repaired {Count} projects", projects);
        // 需求清单 and 资源清单 (branch lists).
        var lists = await services.GetRequiredService<Relay<Domain.Needs.NeedState, Domain.Needs.NeedCommand, Domain.Needs.NeedEvent>>().SweepAsync(TimeSpan.FromSeconds(30), ct)
            + await services.GetRequiredService<Relay<Domain.Resources.ResourceState, Domain.Resources.ResourceCommand, Domain.Resources.ResourceEvent>>().SweepAsync(TimeSpan.FromSeconds(30), ct);
        if (lists > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SweepOutbox)).LogInformation("Outbox sweep repaired {Count} needs and resources", lists);
        var activities = await services.GetRequiredService<Relay<Domain.Activities.ActivityState, Domain.Activities.ActivityCommand, Domain.Activities.ActivityEvent>>()
            .SweepAsync(TimeSpan.FromSeconds(30), ct);
        if (activities > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SweepOutbox)).LogInformation("Outbox sweep repaired {Count} activities", activities);
        // 资源共享预约 (issue 12, branch booking).
        var bookings = await services.GetRequiredService<Relay<Domain.Bookings.BookingLedgerState, Domain.Bookings.BookingCommand, Domain.Bookings.BookingEvent>>()
            .SweepAsync(TimeSpan.FromSeconds(30), ct);
        if (bookings > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SweepOutbox)).LogInformation("Outbox sweep repaired {Count} booking ledgers", bookings);
        // 格事坊 (issue 13, branch grids).
        var gridReports = await services.GetRequiredService<Relay<Domain.GridReports.GridReportState, Domain.GridReports.GridReportCommand, Domain.GridReports.GridReportEvent>>()
            .SweepAsync(TimeSpan.FromSeconds(30), ct);
        if (gridReports > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SweepOutbox)).LogInformation("Outbox sweep repaired {Count} grid reports", gridReports);
        // 议事 (branch deliberation).
        var deliberations = await services.GetRequiredService<Relay<Domain.Deliberations.DeliberationState, Domain.Deliberations.DeliberationCommand, Domain.Deliberations.DeliberationEvent>>()
            .SweepAsync(TimeSpan.FromSeconds(30), ct);
        if (deliberations > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SweepOutbox)).LogInformation("Outbox sweep repaired {Count} deliberations", deliberations);
    }
}
