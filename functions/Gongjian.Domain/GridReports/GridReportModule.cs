using System.Globalization;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Domain.Workflow;

namespace Gongjian.Domain.GridReports;

/// <summary>
/// 格事坊 as a module of the engine: one instance is one report a grid worker filed. <see cref="Decide"/> is the
/// transition table (open → resolved | ordered → closed | handed_over | merged; ordered → open when the order is
/// cancelled); roles are checked here, scopes (which grid, community) by the HTTP layer. No timers.
/// </summary>
public sealed class GridReportModule : Module<GridReportState, GridReportCommand, GridReportEvent>
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public override string Name => "gridreport";
    public override GridReportState Initial => GridReportState.Initial;
    public override string IdOf(GridReportState state) => state.Id;
    public override int VersionOf(GridReportState state) => state.Version;

    public override Verdict<GridReportEvent> Decide(GridReportState s, GridReportCommand command, DateTimeOffset now) => (s.Status, command) switch
    {
        (ReportStatus.None, FileReport c) => File(c, now),
        (_, FileReport) => Refuse("report_exists", RejectionKind.Conflict, "该上报已存在。"),
        (ReportStatus.None, _) => Refuse("report_not_found", RejectionKind.Conflict, "上报不存在，请检查编号。"),

        (_, not (CloseByOrder or ReturnFromOrder)) when !GridReportActors.IsStaff(command.By) && command.By.Role != ActorRole.System =>
            Refuse("role_not_allowed", RejectionKind.Forbidden, "只有社区工作人员可以处置上报。"),
        (_, CloseByOrder or ReturnFromOrder) when command.By.Role != ActorRole.System =>
            Refuse("role_not_allowed", RejectionKind.Forbidden, "上报随派单办结而关闭，不能直接这样办理。"),

        (ReportStatus.Open, ResolveReport c) => Resolve(c, now),
        (ReportStatus.Open, TurnIntoOrder c) => c.OrderId.Trim().Length == 0
            ? Refuse("order_required", RejectionKind.Invalid, "请指明派单编号。")
            : Accept(new ReportTurnedIntoOrder { OccurredAt = now, By = c.By, OrderId = c.OrderId.Trim() }),
        (ReportStatus.Open, HandOverReport c) => HandOver(c, now),
        (ReportStatus.Open, MergeReport c) => Merge(s, c, now),
        (ReportStatus.Open or ReportStatus.Ordered, AttachDuplicate c) => Attach(s, c, now),
        (ReportStatus.Ordered, CloseByOrder c) => c.OrderId == s.OrderId
            ? Accept(new ReportClosedByOrder { OccurredAt = now, By = c.By, OrderId = c.OrderId })
            : OrderMismatch(),
        (ReportStatus.Ordered, ReturnFromOrder c) => c.OrderId == s.OrderId
            ? Accept(new ReportReturnedFromOrder { OccurredAt = now, By = c.By, OrderId = c.OrderId, Reason = Clip(c.Reason.Trim(), GridReportLimits.NoteMax) })
            : OrderMismatch(),

        _ => Refuse($"report_{s.Status.Code()}", RejectionKind.Conflict, $"上报当前为“{s.Status.Chinese()}”，不能{ActionOf(command)}。"),
    };

    private static string ActionOf(GridReportCommand c) => c switch
    {
        ResolveReport => "就地解决", TurnIntoOrder => "转为派单", HandOverReport => "转交", MergeReport => "合并",
        AttachDuplicate => "并入其他上报", CloseByOrder => "随派单办结", ReturnFromOrder => "退回待处置", _ => "这样办理",
    };

    private static Verdict<GridReportEvent> File(FileReport c, DateTimeOffset now)
    {
        if (!GridReportActors.MayFile(c.By)) return Refuse("role_not_allowed", RejectionKind.Forbidden, "只有网格员和社区工作人员可以上报。");
        if (!ReportCategory.IsKnown(c.Category)) return Refuse("unknown_category", RejectionKind.Invalid, "请选择上报类别。");
        var text = c.Text.Trim();
        if (text.Length == 0) return Refuse("text_required", RejectionKind.Invalid, "请描述发现的问题。");
        if (text.Length > GridReportLimits.TextMax) return Refuse("text_too_long", RejectionKind.Invalid, $"问题描述请写在 {GridReportLimits.TextMax} 字以内。");
        var place = c.Place.Trim();
        if (place.Length > GridReportLimits.PlaceMax) return Refuse("place_too_long", RejectionKind.Invalid, $"地点请写在 {GridReportLimits.PlaceMax} 字以内。");
        if (c.Location is null) return Refuse("location_required", RejectionKind.Invalid, "上报需要位置，请允许定位后重试。");
        if (!c.Location.IsValid) return Refuse("location_invalid", RejectionKind.Invalid, "位置的经纬度不正确。");
        if (c.PhotoIds.Count == 0) return Refuse("photo_required", RejectionKind.Invalid, "请至少拍一张现场照片。");
        if (c.PhotoIds.Count > GridReportLimits.MaxPhotos) return Refuse("too_many_photos", RejectionKind.Invalid, $"照片最多 {GridReportLimits.MaxPhotos} 张。");
        return Accept(new ReportFiled
        {
            OccurredAt = now, By = c.By, ReportId = c.ReportId, GridId = c.GridId, CommunityId = c.CommunityId, StreetId = c.StreetId,
            Category = c.Category, Text = text, Place = place, Location = c.Location, PhotoIds = c.PhotoIds,
        });
    }

    private static Verdict<GridReportEvent> Resolve(ResolveReport c, DateTimeOffset now)
    {
        var note = c.Note.Trim();
        if (note.Length == 0) return Refuse("note_required", RejectionKind.Invalid, "请说明是怎样解决的。");
        if (note.Length > GridReportLimits.NoteMax) return Refuse("note_too_long", RejectionKind.Invalid, $"说明请写在 {GridReportLimits.NoteMax} 字以内。");
        if (c.PhotoIds.Count > GridReportLimits.MaxPhotos) return Refuse("too_many_photos", RejectionKind.Invalid, $"照片最多 {GridReportLimits.MaxPhotos} 张。");
        return Accept(new ReportResolved { OccurredAt = now, By = c.By, Note = note, PhotoIds = c.PhotoIds });
    }

    private static Verdict<GridReportEvent> HandOver(HandOverReport c, DateTimeOffset now)
    {
        var body = c.Body.Trim();
        if (body.Length == 0) return Refuse("body_required", RejectionKind.Invalid, "请填写转交给哪个部门。");
        if (body.Length > GridReportLimits.BodyMax) return Refuse("body_too_long", RejectionKind.Invalid, $"部门名称请写在 {GridReportLimits.BodyMax} 字以内。");
        var note = c.Note.Trim();
        if (note.Length == 0) return Refuse("note_required", RejectionKind.Invalid, "请说明转交的原因和情况。");
        if (note.Length > GridReportLimits.NoteMax) return Refuse("note_too_long", RejectionKind.Invalid, $"说明请写在 {GridReportLimits.NoteMax} 字以内。");
        return Accept(new ReportHandedOver { OccurredAt = now, By = c.By, Body = body, Note = note });
    }

    private static Verdict<GridReportEvent> Merge(GridReportState s, MergeReport c, DateTimeOffset now)
    {
        var t = c.Target;
        if (t.Id == s.Id) return Refuse("merge_self", RejectionKind.Invalid, "不能把上报合并到它自己。");
        if (t.CommunityId != s.CommunityId) return Refuse("merge_other_community", RejectionKind.Invalid, "只能合并本社区的上报。");
        if (t.Status is not (ReportStatus.Open or ReportStatus.Ordered))
            return Refuse("merge_target_closed", RejectionKind.Conflict, $"目标上报为“{t.Status.Chinese()}”，只能合并到尚未办结的上报。");
        if (t.Category != s.Category) return Refuse("merge_other_category", RejectionKind.Invalid, "只能合并同一类别的上报。");
        if (s.Location is { } here && here.MetresTo(t.Location) > GridReportLimits.SamePlaceMetres)
            return Refuse("merge_too_far", RejectionKind.Invalid, $"两处相距超过 {GridReportLimits.SamePlaceMetres:0} 米，不是同一地点。");
        return Accept(new ReportMerged { OccurredAt = now, By = c.By, TargetId = t.Id });
    }

    private static Verdict<GridReportEvent> Attach(GridReportState s, AttachDuplicate c, DateTimeOffset now)
    {
        if (c.SourceId == s.Id) return Refuse("merge_self", RejectionKind.Invalid, "不能把上报合并到它自己。");
        if (s.Duplicates.Contains(c.SourceId)) return Refuse("already_attached", RejectionKind.Conflict, "这条上报已经并入。");
        return Accept(new DuplicateAttached { OccurredAt = now, By = c.By, SourceId = c.SourceId });
    }

    public override GridReportState Evolve(GridReportState s, GridReportEvent e)
    {
        var next = s with { Version = s.Version + 1, UpdatedAt = e.OccurredAt };
        return e switch
        {
            ReportFiled x => next with
            {
                Id = x.ReportId, Status = ReportStatus.Open, GridId = x.GridId, CommunityId = x.CommunityId, StreetId = x.StreetId, Reporter = x.By,
                Category = x.Category, Text = x.Text, Place = x.Place, Location = x.Location, PhotoIds = x.PhotoIds, CreatedAt = x.OccurredAt,
            },
            ReportResolved x => next with { Status = ReportStatus.Resolved, Note = x.Note, OutcomePhotoIds = x.PhotoIds, ClosedAt = x.OccurredAt },
            ReportTurnedIntoOrder x => next with { Status = ReportStatus.Ordered, OrderId = x.OrderId },
            ReportHandedOver x => next with { Status = ReportStatus.HandedOver, HandedTo = x.Body, Note = x.Note, ClosedAt = x.OccurredAt },
            ReportMerged x => next with { Status = ReportStatus.Merged, MergedInto = x.TargetId, ClosedAt = x.OccurredAt },
            DuplicateAttached x => next with { Duplicates = [.. s.Duplicates, x.SourceId] },
            ReportClosedByOrder => next with { Status = ReportStatus.Closed, ClosedAt = e.OccurredAt },
            ReportReturnedFromOrder x => next with { Status = ReportStatus.Open, OrderId = null, Note = x.Reason },
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
        };
    }

    public override AuditEntry Audit(GridReportEvent e) => new(e.GetType().Name, e.OccurredAt, e.By.Role.ToString(), e.By.Id, e switch
    {
        ReportResolved x => FreeTextRedactor.Redact(x.Note),
        ReportTurnedIntoOrder x => x.OrderId,
        ReportHandedOver x => $"{x.Body}：{FreeTextRedactor.Redact(x.Note)}",
        ReportMerged x => x.TargetId,
        DuplicateAttached x => x.SourceId,
        ReportClosedByOrder x => x.OrderId,
        ReportReturnedFromOrder x => $"{x.OrderId}：{x.Reason}",
        _ => null,
    });

    public static string CommunityList(string id) => $"c-{id}";
    public static string GridList(string id) => $"g-{id}";
    /// <summary>The report an order was made of: the order's side of the link (one row).</summary>
    public static string OrderList(string orderId) => $"o-{orderId}";

    /// <summary>Newest first.</summary>
    public static string ListKey(GridReportState s) => $"{DateTimeOffset.MaxValue.UtcTicks - s.CreatedAt.UtcTicks:D19}-{s.Id}";

    public static int YearOf(DateTimeOffset at) => at.ToOffset(ChinaOffset).Year;

    /// <summary>
    /// The community's and grid's lists (staff only), and the order's while linked. The text is masked; the location is
    /// kept (staff-only table) so duplicates can be suggested without reading every report; the API's list leaves it out.
    /// </summary>
    public override ListPlacement? Lists(GridReportState s)
    {
        if (s.Status == ReportStatus.None) return null;
        List<string> partitions = [CommunityList(s.CommunityId), GridList(s.GridId)];
        if (s.OrderId is { } order) partitions.Add(OrderList(order));
        return new ListPlacement(ListKey(s), partitions, new Dictionary<string, object?>
        {
            ["ReportId"] = s.Id,
            ["Status"] = s.Status.Code(),
            ["Category"] = s.Category,
            ["GridId"] = s.GridId,
            ["CommunityId"] = s.CommunityId,
            ["StreetId"] = s.StreetId,
            ["Text"] = FreeTextRedactor.Redact(s.Text),
            ["Place"] = FreeTextRedactor.Redact(s.Place),
            ["Lat"] = s.Location?.Lat,
            ["Lon"] = s.Location?.Lon,
            ["PhotoCount"] = s.PhotoIds.Count,
            ["OrderId"] = s.OrderId,
            ["HandedTo"] = s.HandedTo,
            ["MergedInto"] = s.MergedInto,
            ["CreatedAt"] = s.CreatedAt,
            ["UpdatedAt"] = s.UpdatedAt,
            ["Year"] = YearOf(s.CreatedAt),
        });
    }

    public override IReadOnlyDictionary<string, string?> Facts(GridReportState before, GridReportState after, GridReportEvent e) => new Dictionary<string, string?>
    {
        ["status"] = after.Status.Code(),
        ["communityId"] = after.CommunityId,
        ["streetId"] = after.StreetId,
        ["gridId"] = after.GridId,
        ["category"] = after.Category,
        ["orderId"] = after.OrderId ?? before.OrderId,
        ["year"] = after.Status == ReportStatus.None ? null : YearOf(after.CreatedAt).ToString(CultureInfo.InvariantCulture),
    };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
    private static Verdict<GridReportEvent> OrderMismatch() => Refuse("order_mismatch", RejectionKind.Conflict, "这张派单不是由该上报转来的。");
    private static Verdict<GridReportEvent> Accept(GridReportEvent e) => new([e], null);
    private static Verdict<GridReportEvent> Refuse(string code, RejectionKind kind, string message) => new([], new Rejection(code, kind, message));
}
