using Gongjian.Domain.Needs;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy.FreeText;
using Xunit;
using static Gongjian.Domain.Needs.NeedStatus;

namespace Gongjian.Domain.Tests.Needs;

public enum NeedCommandKind { Record, Match, Meet, Close }

/// <summary>Needs in every status, built through the rules, and valid commands from staff.</summary>
public static class NeedFixture
{
    public static readonly NeedModule Module = new();
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly Actor Dispatcher = new(ActorRole.Dispatcher, "key-disp");

    public static RecordNeed Record(string id = "n1") => new()
    {
        By = Dispatcher, NeedId = id, StreetId = "caiyuan", CommunityId = "dongqili", Category = "legal",
        Description = "困难家庭希望每月有律师坐诊。", Beneficiaries = [new("困难家庭", 25), new("老年人", 40)],
    };

    public static NeedState Apply(NeedState s, NeedCommand c)
    {
        var v = Module.Decide(s, c, Now);
        Assert.True(v.IsAccepted, v.Rejection?.Code);
        return v.Events.Aggregate(s, Module.Evolve);
    }

    public static NeedState Given(NeedStatus status)
    {
        var s = NeedState.Initial;
        if (status == None) return s;
        s = Apply(s, Record());
        return status switch
        {
            Matched => Apply(s, new MatchNeed { By = Dispatcher, UnitId = "u1", UnitName = "岱宗律所" }),
            Met => Apply(s, new MeetNeed { By = Dispatcher, Note = "已坐诊三次。" }),
            Closed => Apply(s, new CloseNeed { By = Dispatcher, Reason = "居民已搬离。" }),
            _ => s,
        };
    }

    public static NeedCommand Command(NeedCommandKind kind) => kind switch
    {
        NeedCommandKind.Record => Record(),
        NeedCommandKind.Match => new MatchNeed { By = Dispatcher, UnitId = "u2", UnitName = "卫生服务中心", ProjectId = "pj1" },
        NeedCommandKind.Meet => new MeetNeed { By = Dispatcher, Note = "已满足。" },
        _ => new CloseNeed { By = Dispatcher, Reason = "重复登记。" },
    };
}

/// <summary>The need cycle as a table: every status (None = no need yet) against every command, valid and from staff.</summary>
public sealed class NeedTransitionTableTests
{
    public static readonly TheoryData<NeedStatus, NeedCommandKind, string> Table = new()
    {
        { None, NeedCommandKind.Record, "Open" }, { None, NeedCommandKind.Match, "need_not_found" }, { None, NeedCommandKind.Meet, "need_not_found" }, { None, NeedCommandKind.Close, "need_not_found" },
        { Open, NeedCommandKind.Record, "need_exists" }, { Open, NeedCommandKind.Match, "Matched" }, { Open, NeedCommandKind.Meet, "Met" }, { Open, NeedCommandKind.Close, "Closed" },
        { Matched, NeedCommandKind.Record, "need_exists" }, { Matched, NeedCommandKind.Match, "Matched" }, { Matched, NeedCommandKind.Meet, "Met" }, { Matched, NeedCommandKind.Close, "Closed" },
        { Met, NeedCommandKind.Record, "need_exists" }, { Met, NeedCommandKind.Match, "need_met" }, { Met, NeedCommandKind.Meet, "need_met" }, { Met, NeedCommandKind.Close, "need_met" },
        { Closed, NeedCommandKind.Record, "need_exists" }, { Closed, NeedCommandKind.Match, "need_closed" }, { Closed, NeedCommandKind.Meet, "need_closed" }, { Closed, NeedCommandKind.Close, "need_closed" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Status_and_command_lead_to(NeedStatus status, NeedCommandKind kind, string expected)
    {
        var s = NeedFixture.Given(status);
        Assert.Equal(status, s.Status);
        var verdict = NeedFixture.Module.Decide(s, NeedFixture.Command(kind), NeedFixture.Now);
        var outcome = verdict.IsAccepted ? verdict.Events.Aggregate(s, NeedFixture.Module.Evolve).Status.ToString() : verdict.Rejection!.Code;
        Assert.Equal(expected, outcome);
        if (!verdict.IsAccepted) Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", verdict.Rejection!.Message);
    }

    [Fact]
    public void Table_covers_every_status_and_command()
    {
        var pairs = Table.Select(row => (row.Data.Item1, row.Data.Item2)).ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.Equal(Enum.GetValues<NeedStatus>().Length * Enum.GetValues<NeedCommandKind>().Length, pairs.Count);
    }

    [Theory]
    [InlineData(ActorRole.Liaison)]
    [InlineData(ActorRole.Resident)]
    [InlineData(ActorRole.System)]
    public void Only_staff_record_or_move_a_need(ActorRole role)
    {
        var by = new Actor(role, "x");
        Assert.Equal("role_forbidden", NeedFixture.Module.Decide(NeedState.Initial, NeedFixture.Record() with { By = by }, NeedFixture.Now).Rejection?.Code);
        var open = NeedFixture.Given(Open);
        Assert.Equal("role_forbidden", NeedFixture.Module.Decide(open, new MeetNeed { By = by, Note = "好" }, NeedFixture.Now).Rejection?.Code);
    }

    public static readonly TheoryData<string, RecordNeed> BadRecords = new()
    {
        { "category_invalid", NeedFixture.Record() with { Category = "医疗健康" } },
        { "description_invalid", NeedFixture.Record() with { Description = "  " } },
        { "description_invalid", NeedFixture.Record() with { Description = new string('需', NeedLimits.DescriptionMax + 1) } },
        { "beneficiaries_invalid", NeedFixture.Record() with { Beneficiaries = [] } },
        { "beneficiaries_invalid", NeedFixture.Record() with { Beneficiaries = [new("张三", 1)] } },
        { "beneficiaries_invalid", NeedFixture.Record() with { Beneficiaries = [new("老年人", 0)] } },
        { "beneficiaries_invalid", NeedFixture.Record() with { Beneficiaries = [new("老年人", 3), new("老年人", 4)] } },
        { "community_required", NeedFixture.Record() with { CommunityId = "" } },
        { "one_off_repair", NeedFixture.Record() with { Category = "repair", Source = new(NeedSource.Order, "GJ1") } },
        { "source_invalid", NeedFixture.Record() with { Source = new("call", "x") } },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public void Bad_input_is_refused_as_invalid(string code, RecordNeed command)
    {
        var verdict = NeedFixture.Module.Decide(NeedState.Initial, command, NeedFixture.Now);
        Assert.Equal(code, verdict.Rejection?.Code);
        Assert.Equal(Gongjian.Domain.Workflow.RejectionKind.Invalid, verdict.Rejection?.Kind);
    }

    [Fact]
    public void A_promoted_description_is_masked_with_the_residents_own_data()
    {
        var command = NeedFixture.Record() with
        {
            Category = "elderly", Source = new(NeedSource.Order, "GJ1"),
            Description = "赵先生说楼下王大爷腿脚不便，住三联小区7号楼1单元301，电话13905382345，想请人送午饭。",
            Known = new KnownPersonalData("赵先生", "三联小区7号楼1单元", "13905382345"),
        };
        var e = Assert.IsType<NeedRecorded>(Assert.Single(NeedFixture.Module.Decide(NeedState.Initial, command, NeedFixture.Now).Events));
        Assert.DoesNotContain("13905382345", e.Description);
        Assert.DoesNotContain("赵先生", e.Description);
        Assert.DoesNotContain("7号楼1单元301", e.Description);
        Assert.Contains("送午饭", e.Description);
        Assert.Equal(new NeedSource(NeedSource.Order, "GJ1"), e.Source);
    }

    [Fact]
    public void Promoting_the_same_source_twice_is_already_promoted()
    {
        var promoted = NeedFixture.Apply(NeedState.Initial, NeedFixture.Record() with { Source = new(NeedSource.Wish, "WX1") });
        Assert.Equal("already_promoted", NeedFixture.Module.Decide(promoted, NeedFixture.Record() with { Source = new(NeedSource.Wish, "WX1") }, NeedFixture.Now).Rejection?.Code);
    }

    [Fact]
    public void A_match_needs_a_unit_or_project_and_the_same_match_twice_is_a_conflict()
    {
        var open = NeedFixture.Given(Open);
        Assert.Equal("match_invalid", NeedFixture.Module.Decide(open, new MatchNeed { By = NeedFixture.Dispatcher }, NeedFixture.Now).Rejection?.Code);
        var matched = NeedFixture.Given(Matched);
        Assert.Equal("need_already_matched", NeedFixture.Module.Decide(matched, new MatchNeed { By = NeedFixture.Dispatcher, UnitId = "u1", UnitName = "岱宗律所" }, NeedFixture.Now).Rejection?.Code);
        var linked = NeedFixture.Apply(matched, new MatchNeed { By = NeedFixture.Dispatcher, ProjectId = "pj1" });
        Assert.Equal(("u1", "pj1"), (linked.UnitId, linked.ProjectId));
        // Only a new unit is told: linking a project to a need already with its unit tells nobody again.
        Assert.Null(NeedFixture.Module.Facts(matched, linked, new NeedMatched { NeedId = "n1", OccurredAt = NeedFixture.Now, By = NeedFixture.Dispatcher, ProjectId = "pj1" })["newUnitId"]);
        var open2 = NeedFixture.Given(Open);
        var toUnit = NeedFixture.Apply(open2, new MatchNeed { By = NeedFixture.Dispatcher, UnitId = "u1", UnitName = "岱宗律所" });
        Assert.Equal("u1", NeedFixture.Module.Facts(open2, toUnit, new NeedMatched { NeedId = "n1", OccurredAt = NeedFixture.Now, By = NeedFixture.Dispatcher, UnitId = "u1" })["newUnitId"]);
    }

    [Fact]
    public void Lists_place_a_matched_need_with_its_unit_and_hold_counts_not_names()
    {
        var s = NeedFixture.Apply(NeedFixture.Given(Matched), new MeetNeed { By = NeedFixture.Dispatcher, Note = "已坐诊。" });
        var lists = NeedFixture.Module.Lists(s)!;
        Assert.Equal(["c-dongqili", "s-caiyuan", "u-u1"], lists.Partitions);
        Assert.Equal("困难家庭 25 人、老年人 40 人", lists.Fields["Beneficiaries"]);
        Assert.Equal(65, lists.Fields["People"]);
        Assert.Equal(2026, lists.Fields["MetYear"]);
        Assert.Equal("met", lists.Fields["Status"]);
    }
}
