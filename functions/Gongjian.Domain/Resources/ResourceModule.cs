using Gongjian.Domain.Bookings;
using Gongjian.Domain.Needs;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Domain.Wishes;
using Gongjian.Domain.Workflow;

namespace Gongjian.Domain.Resources;

/// <summary>
/// 资源清单 as a module of the engine: active ⇄ edited → retired. A liaison offers, edits and retires
/// its own unit's entries; an organizer or admin may do it for a unit (the HTTP layer checks the
/// street). An edit or retirement carrying the version the editor read is refused when the entry
/// changed since (<c>resource_changed</c>, a 412 over HTTP), decided on the stream so it cannot race.
/// </summary>
public sealed class ResourceModule : Module<ResourceState, ResourceCommand, ResourceEvent>
{
    public override string Name => "resource";
    public override ResourceState Initial => ResourceState.Initial;
    public override string IdOf(ResourceState state) => state.Id;
    public override int VersionOf(ResourceState state) => state.Version;

    public static string StreetList(string id) => $"s-{id}";
    public static string CommunityList(string id) => $"c-{id}";
    public static string UnitList(string id) => $"u-{id}";

    public override Verdict<ResourceEvent> Decide(ResourceState s, ResourceCommand command, DateTimeOffset now)
    {
        if (s.Status == ResourceStatus.None && command is not OfferResource) return Refuse("resource_not_found", RejectionKind.Conflict, "资源不存在。");
        if (s.Status != ResourceStatus.None && command is OfferResource) return Refuse("resource_exists", RejectionKind.Conflict, "资源已存在。");
        var by = command.By;
        var unit = command is OfferResource o ? o.UnitId : s.UnitId;
        if (by.Role is not (ActorRole.Liaison or ActorRole.Organizer or ActorRole.Admin))
            return Refuse("role_forbidden", RejectionKind.Forbidden, "只有成员单位联络员或街道工作人员可以维护资源清单。");
        if (by.Role == ActorRole.Liaison && by.Id != unit) return Refuse("not_own_unit", RejectionKind.Forbidden, "只能维护本单位的资源。");
        if (command is EditResource { ExpectedVersion: { } v1 } && v1 != s.Version || command is RetireResource { ExpectedVersion: { } v2 } && v2 != s.Version
            || command is SetBookingPolicy { ExpectedVersion: { } v3 } && v3 != s.Version)
            return Refuse("resource_changed", RejectionKind.Conflict, "该资源刚被他人修改，请刷新后再改。");

        return (s.Status, command) switch
        {
            (ResourceStatus.None, OfferResource offer) when Text(offer.UnitName, ResourceLimits.UnitNameMax) is null =>
                Refuse("unit_name_invalid", RejectionKind.Invalid, "请填写单位名称。"),
            (ResourceStatus.None, OfferResource offer) => Check(offer.Details) is { } bad ? bad
                : Accept(new ResourceOffered { ResourceId = offer.ResourceId, OccurredAt = now, By = by, UnitId = offer.UnitId, UnitName = offer.UnitName.Trim(), StreetId = offer.StreetId, Details = Clean(offer.Details) }),
            (ResourceStatus.Active, EditResource edit) => Check(edit.Details) is { } bad ? bad
                : Accept(new ResourceEdited { ResourceId = s.Id, OccurredAt = now, By = by, Details = Clean(edit.Details) }),
            (ResourceStatus.Active, RetireResource r) when Text(r.Reason, ResourceLimits.ReasonMax) is null =>
                Refuse("reason_invalid", RejectionKind.Invalid, $"请填写下架原因（{ResourceLimits.ReasonMax} 字以内）。"),
            (ResourceStatus.Active, RetireResource r) => Accept(new ResourceRetired { ResourceId = s.Id, OccurredAt = now, By = by, Reason = FreeTextRedactor.Redact(r.Reason.Trim()) }),
            (ResourceStatus.Active, SetBookingPolicy p) => CheckPolicy(p.Policy) is { } bad ? bad
                : Accept(new ResourceBookingPolicySet { ResourceId = s.Id, OccurredAt = now, By = by, Policy = p.Policy }),
            _ => Refuse($"resource_{s.Status.Code()}", RejectionKind.Conflict, $"资源{s.Status.Chinese()}，不能这样办理。"),
        };
    }

    private static Verdict<ResourceEvent>? Check(ResourceDetails d)
    {
        if (!NeedLimits.IsCategory(d.Category)) return Refuse("category_invalid", RejectionKind.Invalid, "资源类别不在清单内。");
        if (Text(d.Title, ResourceLimits.TitleMax) is null) return Refuse("title_invalid", RejectionKind.Invalid, $"请填写资源名称（{ResourceLimits.TitleMax} 字以内）。");
        if (d.Description.Trim().Length > ResourceLimits.DescriptionMax) return Refuse("description_invalid", RejectionKind.Invalid, $"资源说明请在 {ResourceLimits.DescriptionMax} 字以内。");
        if (Text(d.Availability, ResourceLimits.AvailabilityMax) is null)
            return Refuse("availability_invalid", RejectionKind.Invalid, $"请写明可提供的时间或方式（{ResourceLimits.AvailabilityMax} 字以内）。");
        if (d.CommunityIds.Count > ResourceLimits.CoverageMax || d.CommunityIds.Any(string.IsNullOrWhiteSpace) || d.CommunityIds.Distinct().Count() != d.CommunityIds.Count)
            return Refuse("coverage_invalid", RejectionKind.Invalid, "覆盖社区不能重复；不填表示覆盖全街道。");
        return d.Kind switch
        {
            ResourceKind.Venue when d.Capacity is not (>= 1 and <= ResourceLimits.CapacityMax) =>
                Refuse("capacity_invalid", RejectionKind.Invalid, $"场地须填写可容纳人数（1 到 {ResourceLimits.CapacityMax}）。"),
            ResourceKind.Venue when Text(d.OpeningHours, ResourceLimits.OpeningHoursMax) is null =>
                Refuse("opening_hours_invalid", RejectionKind.Invalid, $"场地须填写开放时间（{ResourceLimits.OpeningHoursMax} 字以内）。"),
            ResourceKind.Volunteers when d.Count is not (>= 1 and <= ResourceLimits.CapacityMax) =>
                Refuse("count_invalid", RejectionKind.Invalid, $"请填写志愿者人数（1 到 {ResourceLimits.CapacityMax}）。"),
            not ResourceKind.Venue when d.Capacity is not null || d.OpeningHours is not null =>
                Refuse("venue_fields_invalid", RejectionKind.Invalid, "只有场地填写容纳人数和开放时间。"),
            not ResourceKind.Volunteers when d.Count is not null => Refuse("count_invalid", RejectionKind.Invalid, "只有志愿者资源填写人数。"),
            _ => null,
        };
    }

    /// <summary>Slots of 5 minutes to 8 hours; each open day a window inside the day, at least one open day, whole slots from the opening.</summary>
    private static Verdict<ResourceEvent>? CheckPolicy(BookingPolicy p)
    {
        if (p.SlotMinutes is < 5 or > 480) return Refuse("slot_minutes_invalid", RejectionKind.Invalid, "每个时段须在 5 到 480 分钟之间。");
        if (p.Hours.Count == 0) return Refuse("opening_hours_invalid", RejectionKind.Invalid, "请至少填写一天的开放时间。");
        if (p.Hours.Values.Any(w => w.OpensAt < 0 || w.ClosesAt > 24 * 60 || w.ClosesAt - w.OpensAt < p.SlotMinutes))
            return Refuse("opening_hours_invalid", RejectionKind.Invalid, "开放时间须在当天之内，且至少容纳一个时段。");
        return null;
    }

    /// <summary>Trimmed, and masked like every free text that lists show (a liaison's own phone stays out of lists).</summary>
    private static ResourceDetails Clean(ResourceDetails d) => d with
    {
        Title = FreeTextRedactor.Redact(d.Title.Trim()), Description = FreeTextRedactor.Redact(d.Description.Trim()),
        Availability = FreeTextRedactor.Redact(d.Availability.Trim()), OpeningHours = d.OpeningHours?.Trim(),
        CommunityIds = d.CommunityIds.Order(StringComparer.Ordinal).ToList(),
    };

    public override ResourceState Evolve(ResourceState s, ResourceEvent e) => e switch
    {
        ResourceOffered o => s with
        {
            Id = o.ResourceId, Version = s.Version + 1, Status = ResourceStatus.Active, UnitId = o.UnitId, UnitName = o.UnitName,
            StreetId = o.StreetId, Details = o.Details, CreatedAt = o.OccurredAt, UpdatedAt = o.OccurredAt,
        },
        ResourceEdited d => s with { Version = s.Version + 1, Details = d.Details, UpdatedAt = d.OccurredAt },
        ResourceBookingPolicySet p => s with { Version = s.Version + 1, Booking = p.Policy, UpdatedAt = p.OccurredAt },
        ResourceRetired r => s with { Version = s.Version + 1, Status = ResourceStatus.Retired, RetiredAt = r.OccurredAt, RetiredReason = r.Reason, UpdatedAt = r.OccurredAt },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    public override AuditEntry Audit(ResourceEvent e) => new(e.GetType().Name, e.OccurredAt, e.By.Role.ToString(), e.By.Id, (e as ResourceRetired)?.Reason);

    /// <summary>The unit's list, the street's, and each listed community's (a whole-street entry is in the street's only).</summary>
    public override ListPlacement? Lists(ResourceState s)
    {
        if (s.Details is not { } d) return null;
        List<string> partitions = [UnitList(s.UnitId), StreetList(s.StreetId), .. d.CommunityIds.Select(CommunityList)];
        return new ListPlacement($"{DateTimeOffset.MaxValue.UtcTicks - s.CreatedAt.UtcTicks:D19}-{s.Id}", partitions, new Dictionary<string, object?>
        {
            ["ResourceId"] = s.Id,
            ["Status"] = s.Status.Code(),
            ["UnitId"] = s.UnitId,
            ["UnitName"] = s.UnitName,
            ["StreetId"] = s.StreetId,
            ["Kind"] = d.Kind.Code(),
            ["Category"] = d.Category,
            ["Title"] = d.Title,
            ["Description"] = d.Description,
            ["CommunityIds"] = string.Join(",", d.CommunityIds),
            ["Availability"] = d.Availability,
            ["Capacity"] = d.Capacity,
            ["OpeningHours"] = d.OpeningHours,
            ["Count"] = d.Count,
            ["Year"] = WishModule.YearOf(s.CreatedAt),
            ["CreatedAt"] = s.CreatedAt,
            ["UpdatedAt"] = s.UpdatedAt,
        });
    }

    public override IReadOnlyDictionary<string, string?> Facts(ResourceState before, ResourceState after, ResourceEvent e) => new Dictionary<string, string?>
    {
        ["status"] = after.Status.Code(), ["unitId"] = after.UnitId, ["streetId"] = after.StreetId,
    };

    private static string? Text(string? value, int max) => value?.Trim() is { Length: > 0 } t && t.Length <= max ? t : null;

    private static Verdict<ResourceEvent> Accept(ResourceEvent e) => new([e], null);
    private static Verdict<ResourceEvent> Refuse(string code, RejectionKind kind, string message) => new([], new Rejection(code, kind, message));
}
