using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Communities;

namespace Gongjian.Functions.Open311;

/// <summary>What a public Open311 read is built from: no name, phone, address or raw text ever reaches it.</summary>
public sealed record PublicOrderFacts(
    string Id, OrderStatus Status, string? Category, string CommunityId, string? UnitName,
    DateTimeOffset PlacedAt, DateTimeOffset UpdatedAt, DateTimeOffset? DueAt, string Text);

/// <summary>
/// An order as a GeoReport v2 service request, anonymised like a showcase: the address is the
/// community (never the flat), no coordinates (orders have none, and a resident's would point at a
/// home), no media, the description from <see cref="PublicOrderDescription"/>.
/// </summary>
public static class PublicRequestView
{
    /// <summary>
    /// closed: the work is done (待评价 / 已评价) or the order ended (已取消 / 不予受理); reopening makes it open again.
    /// </summary>
    public static bool IsClosed(OrderStatus s) => s is OrderStatus.Completed || s.IsClosed();

    public static IReadOnlyList<string> StatusCodes(bool closed) =>
        Enum.GetValues<OrderStatus>().Where(s => s != OrderStatus.None && IsClosed(s) == closed).Select(s => s.Code()).ToList();

    public static Open311Object Of(PublicOrderFacts o, CommunityDirectory.Snapshot directory)
    {
        var community = directory.Communities.GetValueOrDefault(o.CommunityId);
        var street = community is null ? null : directory.Streets.GetValueOrDefault(community.StreetId);
        var communityName = community?.Name ?? "";
        var closed = IsClosed(o.Status);
        return new Open311Object([
            ("service_request_id", new Open311Value(o.Id)),
            ("status", new Open311Value(closed ? "closed" : "open")),
            ("status_notes", new Open311Value(o.Status.Chinese())),
            ("service_name", new Open311Value(ServiceCategory.NameOf(o.Category))),
            ("service_code", new Open311Value(o.Category)),
            ("description", new Open311Value(PublicOrderDescription.Of(o.Text, o.Category))),
            // Before dispatch the community handles it; afterwards the unit it was dispatched to.
            ("agency_responsible", new Open311Value(o.UnitName ?? communityName)),
            ("service_notice", Open311Value.Null),
            ("requested_datetime", new Open311Value(o.PlacedAt)),
            ("updated_datetime", new Open311Value(o.UpdatedAt)),
            ("expected_datetime", closed || o.DueAt is null ? Open311Value.Null : new Open311Value(o.DueAt.Value)),
            ("address", new Open311Value($"{street?.Name}{communityName}")),
            ("address_id", Open311Value.Null),
            ("zipcode", Open311Value.Null),
            ("lat", Open311Value.Null),
            ("long", Open311Value.Null),
            ("media_url", Open311Value.Null),
        ]);
    }

    public static PublicOrderFacts Facts(OrderState s, SlaPolicy policy) =>
        new(s.Id, s.Status, s.Category, s.CommunityId, s.UnitName, s.PlacedAt, s.UpdatedAt, Sla.Current(s, policy)?.DueAt, s.Text);

    public static Open311Document Document(IEnumerable<Open311Object> requests) =>
        new("service_requests", new Open311List("request", requests.Cast<Open311Node>().ToList()));
}
