using Gongjian.Domain.Orders;
using Gongjian.Domain.People;
using Gongjian.Domain.Workflow;
using Xunit;
using static Gongjian.Domain.Tests.People.PeopleFixtures;

namespace Gongjian.Domain.Tests.People;

/// <summary>单位报到: every (status, command) pair, the wrong people, and bad input.</summary>
public sealed class UnitReportDecideTableTests
{
    private static UnitReportState In(UnitReportStatus status) => status switch
    {
        UnitReportStatus.None => UnitReportState.Initial,
        UnitReportStatus.Reported => RunUnit(Report()),
        _ => RunUnit(Report(), AcceptReport()),
    };

    private static UnitReportCommand[] All() => [Report(Admin), AcceptReport(Admin), Met(Admin)];

    public static TheoryData<UnitReportStatus, int> Pairs()
    {
        var data = new TheoryData<UnitReportStatus, int>();
        foreach (var s in Enum.GetValues<UnitReportStatus>())
            for (var c = 0; c < All().Length; c++) data.Add(s, c);
        return data;
    }

    [Theory, MemberData(nameof(Pairs))]
    public void Every_status_and_command(UnitReportStatus status, int index)
    {
        var state = In(status);
        var command = All()[index];
        var verdict = Units.Decide(state, command, T0.AddDays(1));
        var allowed = (status, command) is (UnitReportStatus.None, ReportUnit) or (UnitReportStatus.Reported, AcceptUnitReport) or (UnitReportStatus.Accepted, MarkCommitmentMet);
        if (allowed)
        {
            Assert.True(verdict.IsAccepted, verdict.Rejection?.ToString());
            Assert.Equal(state.Version + 1, verdict.Events.Aggregate(state, Units.Evolve).Version);
            return;
        }
        Assert.Empty(verdict.Events);
        Assert.Equal(RejectionKind.Conflict, verdict.Rejection!.Kind);
        var code = (status, command) switch
        {
            (_, ReportUnit) => "unit_already_reported",
            (UnitReportStatus.None, _) => "report_not_found",
            (UnitReportStatus.Accepted, AcceptUnitReport) => "report_already_accepted",
            _ => $"report_{status.Code()}",
        };
        Assert.Equal(code, verdict.Rejection.Code);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", verdict.Rejection.Message);
    }

    public static TheoryData<string, UnitReportStatus, UnitReportCommand, string, RejectionKind> Bad() => new()
    {
        { "liaison reports for another unit", UnitReportStatus.None, Report(OtherLiaison), "not_your_unit", RejectionKind.Forbidden },
        { "resident reports", UnitReportStatus.None, Report(Resident), "not_your_unit", RejectionKind.Forbidden },
        { "liaison accepts", UnitReportStatus.Reported, AcceptReport(Liaison), "role_not_allowed", RejectionKind.Forbidden },
        { "liaison marks met", UnitReportStatus.Accepted, Met(Liaison), "role_not_allowed", RejectionKind.Forbidden },
        { "no commitments", UnitReportStatus.None, Report() with { Posts = [], ResourceIds = [], ServiceItemsPerYear = 0 }, "commitment_required", RejectionKind.Invalid },
        { "empty post", UnitReportStatus.None, Report() with { Posts = [" "] }, "invalid_post", RejectionKind.Invalid },
        { "same post twice", UnitReportStatus.None, Report() with { Posts = ["政策宣讲岗", "政策宣讲岗"] }, "duplicate_post", RejectionKind.Invalid },
        { "resource twice", UnitReportStatus.None, Report() with { ResourceIds = ["r", "r"] }, "invalid_resource", RejectionKind.Invalid },
        { "negative items", UnitReportStatus.None, Report() with { ServiceItemsPerYear = -1 }, "invalid_service_items", RejectionKind.Invalid },
        { "past year", UnitReportStatus.None, Report() with { Year = 2024, ReportId = UnitReportModule.IdFor("unit-1", "c1", 2024) }, "invalid_year", RejectionKind.Invalid },
        { "id not of unit, community, year", UnitReportStatus.None, Report() with { ReportId = "x" }, "invalid_report_id", RejectionKind.Invalid },
        { "unknown commitment", UnitReportStatus.Accepted, Met(commitment: "post-9"), "commitment_not_found", RejectionKind.Invalid },
        { "no evidence", UnitReportStatus.Accepted, Met() with { Evidence = " " }, "evidence_required", RejectionKind.Invalid },
    };

    [Theory, MemberData(nameof(Bad))]
    public void Bad_input_and_wrong_people(string why, UnitReportStatus status, UnitReportCommand command, string code, RejectionKind kind)
    {
        var verdict = Units.Decide(In(status), command, T0);
        Assert.False(verdict.IsAccepted, why);
        Assert.Empty(verdict.Events);
        Assert.Equal((code, kind), (verdict.Rejection!.Code, verdict.Rejection.Kind));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", verdict.Rejection.Message);
    }

    [Fact]
    public void Posts_resources_and_service_items_become_commitments_each_met_once()
    {
        var s = RunUnit(Report(), AcceptReport(), Met());
        Assert.Equal(["post-1", "post-2", "resource-1", "service-items"], s.Commitments.Select(c => c.Id));
        Assert.Equal(1, s.CommitmentsMet);
        var twice = Units.Decide(s, Met(), T0.AddDays(2));
        Assert.Equal("commitment_already_met", twice.Rejection!.Code);
        Assert.Equal(RejectionKind.Conflict, twice.Rejection.Kind);
        var row = Units.Lists(s)!;
        Assert.Equal(["c-c1", "s-s1", "u-unit-1"], row.Partitions);
        Assert.Equal((4, 1), ((int)row.Fields["CommitmentsMade"]!, (int)row.Fields["CommitmentsMet"]!));
    }
}
