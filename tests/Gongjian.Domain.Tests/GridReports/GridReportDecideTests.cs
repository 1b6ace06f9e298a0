using Xunit;
using Gongjian.Domain.GridReports;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Workflow;
using static Gongjian.Domain.Tests.GridReports.GridReportFixtures;

namespace Gongjian.Domain.Tests.GridReports;

/// <summary>格事坊's rules case by case: what each status accepts and the code of every refusal.</summary>
public sealed class GridReportDecideTests
{
    private static Rejection Refused(GridReportState s, GridReportCommand c)
    {
        var v = Module.Decide(s, c, T0);
        Assert.False(v.IsAccepted);
        Assert.Empty(v.Events);
        return v.Rejection!;
    }

    public static TheoryData<string, string, RejectionKind> BadReports() => new()
    {
        { "no_location", "location_required", RejectionKind.Invalid },
        { "bad_location", "location_invalid", RejectionKind.Invalid },
        { "no_photo", "photo_required", RejectionKind.Invalid },
        { "ten_photos", "too_many_photos", RejectionKind.Invalid },
        { "no_text", "text_required", RejectionKind.Invalid },
        { "long_text", "text_too_long", RejectionKind.Invalid },
        { "category", "unknown_category", RejectionKind.Invalid },
        { "liaison", "role_not_allowed", RejectionKind.Forbidden },
        { "resident", "role_not_allowed", RejectionKind.Forbidden },
    };

    [Theory, MemberData(nameof(BadReports))]
    public void A_bad_report_is_refused_with_its_code(string what, string code, RejectionKind kind)
    {
        var c = File();
        c = what switch
        {
            "no_location" => c with { Location = null },
            "bad_location" => c with { Location = new GeoPoint(91, 10) },
            "no_photo" => c with { PhotoIds = [] },
            "ten_photos" => c with { PhotoIds = [.. Enumerable.Range(0, 10).Select(i => $"{i}.jpg")] },
            "no_text" => c with { Text = "  " },
            "long_text" => c with { Text = new string('字', GridReportLimits.TextMax + 1) },
            "category" => c with { Category = "aliens" },
            "liaison" => c with { By = Liaison },
            "resident" => c with { By = Resident },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
        var r = Refused(GridReportState.Initial, c);
        Assert.Equal(code, r.Code);
        Assert.Equal(kind, r.Kind);
    }

    [Fact]
    public void A_grid_worker_files_and_the_report_is_open_with_its_reporter_and_location()
    {
        var s = Filed();
        Assert.Equal(ReportStatus.Open, s.Status);
        Assert.Equal(Worker, s.Reporter);
        Assert.Equal(Here, s.Location);
        Assert.Equal(1, s.Version);
    }

    [Fact]
    public void Filing_twice_is_a_conflict_and_acting_on_nothing_is_not_found()
    {
        Assert.Equal("report_exists", Refused(Filed(), File()).Code);
        Assert.Equal("report_not_found", Refused(GridReportState.Initial, new ResolveReport { By = Dispatcher, Note = "好" }).Code);
    }

    [Fact]
    public void Only_staff_triage_a_grid_worker_cannot()
    {
        var s = Filed();
        Assert.Equal("role_not_allowed", Refused(s, new ResolveReport { By = Worker, Note = "自己解决了" }).Code);
        Assert.Equal("role_not_allowed", Refused(s, new HandOverReport { By = Liaison, Body = "城管办", Note = "转" }).Code);
        Assert.Equal("role_not_allowed", Refused(s, new TurnIntoOrder { By = Worker, OrderId = "GJ1" }).Code);
    }

    [Fact]
    public void Resolve_needs_a_note_and_closes_the_report()
    {
        var s = Filed();
        Assert.Equal("note_required", Refused(s, new ResolveReport { By = Dispatcher, Note = " " }).Code);
        var resolved = Apply(s, new ResolveReport { By = Dispatcher, Note = "已联系车主挪走。", PhotoIds = ["after.jpg"] });
        Assert.Equal(ReportStatus.Resolved, resolved.Status);
        Assert.Equal(["after.jpg"], resolved.OutcomePhotoIds);
        Assert.Equal(T0, resolved.ClosedAt);
        Assert.Equal("report_resolved", Refused(resolved, new HandOverReport { By = Dispatcher, Body = "城管办", Note = "转" }).Code);
    }

    [Fact]
    public void Hand_over_needs_a_body_and_a_note()
    {
        var s = Filed();
        Assert.Equal("body_required", Refused(s, new HandOverReport { By = Dispatcher, Body = "", Note = "无人认领" }).Code);
        Assert.Equal("note_required", Refused(s, new HandOverReport { By = Dispatcher, Body = "城管办", Note = "" }).Code);
        var handed = Apply(s, new HandOverReport { By = Dispatcher, Body = "街道城管办", Note = "已联系交警，无人认领。" });
        Assert.Equal(ReportStatus.HandedOver, handed.Status);
        Assert.Equal("街道城管办", handed.HandedTo);
    }

    [Fact]
    public void An_order_made_of_it_closes_it_on_completion_and_only_the_system_may_say_so()
    {
        var ordered = Apply(Filed(), new TurnIntoOrder { By = Dispatcher, OrderId = "GJ260302-0001" });
        Assert.Equal(ReportStatus.Ordered, ordered.Status);
        Assert.Equal("GJ260302-0001", ordered.OrderId);
        Assert.Equal("role_not_allowed", Refused(ordered, new CloseByOrder { By = Dispatcher, OrderId = "GJ260302-0001" }).Code);
        Assert.Equal("order_mismatch", Refused(ordered, new CloseByOrder { By = Actor.System, OrderId = "GJ-other" }).Code);
        Assert.Equal("report_ordered", Refused(ordered, new ResolveReport { By = Dispatcher, Note = "好" }).Code);
        var closed = Apply(ordered, new CloseByOrder { By = Actor.System, OrderId = "GJ260302-0001" });
        Assert.Equal(ReportStatus.Closed, closed.Status);
        Assert.Equal("report_closed", Refused(closed, new CloseByOrder { By = Actor.System, OrderId = "GJ260302-0001" }).Code);
    }

    [Fact]
    public void A_cancelled_order_sends_the_report_back_to_triage_without_its_order()
    {
        var ordered = Apply(Filed(), new TurnIntoOrder { By = Dispatcher, OrderId = "GJ260302-0001" });
        var back = Apply(ordered, new ReturnFromOrder { By = Actor.System, OrderId = "GJ260302-0001", Reason = "派单已取消" });
        Assert.Equal(ReportStatus.Open, back.Status);
        Assert.Null(back.OrderId);
        Assert.Null(Module.Lists(back)!.Partitions.FirstOrDefault(p => p.StartsWith("o-", StringComparison.Ordinal)));
        Assert.Contains(GridReportModule.OrderList("GJ260302-0001"), Module.Lists(ordered)!.Partitions);
    }

    [Fact]
    public void Merge_only_into_an_open_report_of_the_same_community_kind_and_place()
    {
        var source = Filed("GS260302-BBBBBB");
        var target = Filed("GS260302-CCCCCC");
        Assert.Equal("merge_self", Refused(source, new MergeReport { By = Dispatcher, Target = TargetOf(source) }).Code);
        Assert.Equal("merge_other_category", Refused(source, new MergeReport { By = Dispatcher, Target = TargetOf(target) with { Category = "environment" } }).Code);
        Assert.Equal("merge_other_community", Refused(source, new MergeReport { By = Dispatcher, Target = TargetOf(target) with { CommunityId = "sanlian" } }).Code);
        Assert.Equal("merge_too_far", Refused(source, new MergeReport { By = Dispatcher, Target = TargetOf(target) with { Location = new GeoPoint(32.06, 112.1440) } }).Code);
        var closed = Refused(source, new MergeReport { By = Dispatcher, Target = TargetOf(target) with { Status = ReportStatus.Resolved } });
        Assert.Equal(("merge_target_closed", RejectionKind.Conflict), (closed.Code, closed.Kind));
        var merged = Apply(source, new MergeReport { By = Dispatcher, Target = TargetOf(target) });
        Assert.Equal((ReportStatus.Merged, target.Id), (merged.Status, merged.MergedInto));
        var attached = Apply(target, new AttachDuplicate { By = Dispatcher, SourceId = source.Id });
        Assert.Equal([source.Id], attached.Duplicates);
        Assert.Equal("already_attached", Refused(attached, new AttachDuplicate { By = Dispatcher, SourceId = source.Id }).Code);
    }

    [Fact]
    public void Lists_mask_the_text_and_keep_the_reporter_out()
    {
        var s = Apply(GridReportState.Initial, File() with { Text = "车主电话13812345678，车停在3栋旁" });
        var row = Module.Lists(s)!;
        Assert.DoesNotContain("13812345678", (string)row.Fields["Text"]!);
        Assert.DoesNotContain(row.Fields.Values, v => v is string t && t.Contains("王建国"));
        Assert.Equal(["c-dongqili", "g-dongqili.baosheng"], row.Partitions);
    }

    [Fact]
    public void A_check_in_far_from_the_centre_is_flagged_not_refused()
    {
        var centre = new GeoPoint(32.0472, 112.1431);
        var (near, nearFar) = GridCheckIn.Judge(centre, 400, new GeoPoint(32.0475, 112.1436));
        Assert.False(nearFar);
        Assert.InRange(near, 40, 70);
        var (far, isFar) = GridCheckIn.Judge(centre, 400, new GeoPoint(32.0600, 112.1431));
        Assert.True(isFar);
        Assert.InRange(far, 1400, 1450);
    }

    [Fact]
    public void Duplicates_are_near_and_alike()
    {
        Assert.True(DuplicateScore.IsCandidate(100, "vehicle", "3栋旁僵尸车", "vehicle", "楼下有辆车很久不动"));
        Assert.True(DuplicateScore.IsCandidate(100, "other", "3栋旁僵尸车长期停放", "vehicle", "3栋旁僵尸车长期停放没人管"));
        Assert.False(DuplicateScore.IsCandidate(100, "environment", "垃圾满了", "vehicle", "僵尸车"));
        Assert.False(DuplicateScore.IsCandidate(301, "vehicle", "僵尸车", "vehicle", "僵尸车"));
        Assert.Equal(1.0, DuplicateScore.Similarity("vehicle", "僵尸车", "vehicle", "僵尸车"));
    }
}
