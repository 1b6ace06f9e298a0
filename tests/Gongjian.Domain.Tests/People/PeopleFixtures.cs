using Gongjian.Domain.Orders;
using Gongjian.Domain.People;
using Gongjian.Domain.Workflow;

namespace Gongjian.Domain.Tests.People;

internal static class PeopleFixtures
{
    /// <summary>2026-03-01 10:00 Beijing.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 3, 1);
    public static readonly UnitReportModule Units = new();
    public static readonly PersonModule Persons = new();
    public static readonly Actor Dispatcher = new(ActorRole.Dispatcher, "key-d", "王调度");
    public static readonly Actor Admin = new(ActorRole.Admin, "key-a", "管理员");
    public static readonly Actor Liaison = new(ActorRole.Liaison, "unit-1", "联络员");
    public static readonly Actor OtherLiaison = new(ActorRole.Liaison, "unit-2", "联络员");
    public static readonly Actor Resident = new(ActorRole.Resident, "resident");

    public static ReportUnit Report(Actor? by = null) => new()
    {
        By = by ?? Liaison, ReportId = UnitReportModule.IdFor("unit-1", "c1", 2026), UnitId = "unit-1", UnitName = "仙营供电所",
        CommunityId = "c1", StreetId = "s1", Year = 2026, Posts = ["政策宣讲岗", "环境整治岗"], ResourceIds = ["res-1"], ServiceItemsPerYear = 12,
    };

    public static AcceptUnitReport AcceptReport(Actor? by = null) => new() { By = by ?? Dispatcher };
    public static MarkCommitmentMet Met(Actor? by = null, string commitment = "post-1") => new() { By = by ?? Dispatcher, CommitmentId = commitment, Evidence = "3月5日在小区广场宣讲一次。" };

    public static RegisterPerson Register(Actor? by = null) => new()
    {
        By = by ?? PersonModule.Self, PersonId = PersonModule.IdFor("c1", "pk1"), PersonKey = "pk1", CommunityId = "c1", StreetId = "s1",
        Kind = PersonKind.PartyMember, Name = "李志愿", Phone = "13900001111", WorkUnit = "仙营供电所", UnitId = "unit-1", CodeHash = "h",
    };

    public static ConfirmPerson Confirm(Actor? by = null) => new() { By = by ?? Dispatcher };
    public static JoinTeam Join(Actor? by = null, string team = "t-lf") => new() { By = by ?? PersonModule.Self, TeamId = team, TeamName = "学雷锋志愿服务队" };
    public static TakePost Take(Actor? by = null) => new() { By = by ?? PersonModule.Self, Post = "楼栋长" };

    public static LogServiceHours Log(Actor? by = null, decimal hours = 2, DateOnly? date = null, string entry = "e1") =>
        new() { By = by ?? Dispatcher, EntryId = entry, Date = date ?? Today, Hours = hours, What = "清理楼道杂物" };

    public static UnitReportState RunUnit(params UnitReportCommand[] commands) => Run(Units, UnitReportState.Initial, commands);
    public static PersonState RunPerson(params PersonCommand[] commands) => Run(Persons, PersonState.Initial, commands);

    private static TS Run<TS, TC, TE>(Module<TS, TC, TE> module, TS s, TC[] commands) where TS : class where TC : class where TE : class
    {
        var at = T0;
        foreach (var c in commands)
        {
            var v = module.Decide(s, c, at);
            if (!v.IsAccepted) throw new InvalidOperationException($"{c.GetType().Name} refused: {v.Rejection}");
            s = v.Events.Aggregate(s, module.Evolve);
            at = at.AddMinutes(1);
        }
        return s;
    }
}
