using Xunit;
using FsCheck.Xunit;
using Gongjian.Domain.GridReports;
using Gongjian.Domain.Orders;
using static Gongjian.Domain.Tests.GridReports.GridReportFixtures;

namespace Gongjian.Domain.Tests.GridReports;

/// <summary>
/// Whatever anyone asks of a report in any order: a final report never changes again, a closed report always had an
/// order, only staff or the system move it, the version counts the events, and replaying the events gives the same state.
/// </summary>
[Properties(MaxTest = 300)]
public sealed class GridReportPropertyTests
{
    private static readonly Actor[] Actors = [Worker, Dispatcher, Liaison, Resident, Actor.System, new(ActorRole.Admin, "admin", "管理员")];

    private static GridReportCommand Command(int m, GridReportState s)
    {
        var by = Actors[(m & 0x7fffffff) % Actors.Length];
        var order = (m & 0x7fffffff) / 7 % 2 == 0 ? "GJ260302-0001" : "GJ260302-0002";
        return ((m & 0x7fffffff) / 14 % 8) switch
        {
            0 => new ResolveReport { By = by, Note = m % 3 == 0 ? "" : "已解决" },
            1 => new TurnIntoOrder { By = by, OrderId = order },
            2 => new HandOverReport { By = by, Body = "城管办", Note = m % 5 == 0 ? "" : "转交" },
            3 => new MergeReport { By = by, Target = new MergeTarget("GS260302-ZZZZZZ", ReportStatus.Open, s.CommunityId, "vehicle", Here) },
            4 => new CloseByOrder { By = by, OrderId = order },
            5 => new ReturnFromOrder { By = by, OrderId = order, Reason = "派单已取消" },
            6 => new AttachDuplicate { By = by, SourceId = $"GS260302-{(m & 0xff):X6}" },
            _ => File(by: by),
        };
    }

    [Property]
    public void Final_reports_stay_final_and_replay_gives_the_same_state(int[] moves)
    {
        var s = Filed();
        var events = new List<GridReportEvent>();
        var at = T0;
        foreach (var m in moves)
        {
            at = at.AddMinutes(5);
            var before = s;
            var c = Command(m, s);
            var v = Module.Decide(s, c, at);
            if (before.Status.IsFinal()) Assert.False(v.IsAccepted);
            if (v.IsAccepted && c.By.Role is not (ActorRole.Dispatcher or ActorRole.Admin or ActorRole.System or ActorRole.Organizer))
                Assert.Fail($"{c.By.Role} moved the report with {c.GetType().Name}");
            foreach (var e in v.Events)
            {
                s = Module.Evolve(s, e);
                events.Add(e);
            }
            if (s.Status == ReportStatus.Closed) Assert.NotNull(s.OrderId);
            if (s.Status == ReportStatus.Ordered) Assert.NotNull(s.OrderId);
            if (s.Status == ReportStatus.Open) Assert.Null(s.OrderId);
        }
        Assert.Equal(1 + events.Count, s.Version);
        var replayed = Module.Replay([new ReportFiled
        {
            OccurredAt = T0, By = Worker, ReportId = s.Id, GridId = s.GridId, CommunityId = s.CommunityId, StreetId = s.StreetId, Category = "vehicle",
            Text = Filed().Text, Place = Filed().Place, Location = Here, PhotoIds = ["a.jpg"],
        }, .. events]);
        Assert.Equal((s.Status, s.OrderId, s.Version, s.HandedTo, s.MergedInto, s.Note, s.ClosedAt),
            (replayed.Status, replayed.OrderId, replayed.Version, replayed.HandedTo, replayed.MergedInto, replayed.Note, replayed.ClosedAt));
        Assert.Equal(s.Duplicates, replayed.Duplicates);
    }
}
