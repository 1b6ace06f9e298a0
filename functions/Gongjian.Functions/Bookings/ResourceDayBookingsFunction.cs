using Gongjian.Domain.Bookings;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.ContactAudit;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Resources;

namespace Gongjian.Functions.Bookings;

/// <summary>
/// 某日预约: staff who may see the resource read its bookings on a Beijing day (<c>date=yyyy-MM-dd</c>), earliest first. The
/// owner unit's liaison (and an admin) see the purpose and who booked — name and phone —, each answer showing them first
/// recorded in the contact audit (PartitionKey = the ledger id); <c>contact=masked</c> withholds name and phone. Other staff
/// see names and phones masked and no purpose.
/// </summary>
public static class ResourceDayBookingsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "resources/{id}/bookings");

    public static async Task<IResult> Run(HttpContext context, string id, BookingStore store, ResourceCommandRunner resources, CommunityDirectory directory,
        ContactViewLog contactViews)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        var day = BookingTimes.Date(context.Request.Query["date"].ToString());
        var withhold = OrderCommandRunner.ContactParameter(context);
        var resource = await resources.FindAsync(id, ct);
        var d = await directory.GetAsync(ct);
        if (!ResourceAccess.CanSee(caller, resource, d)) throw ApiProblem.Forbidden("outside_scope", "该资源不在您的管辖范围内。");
        var owner = caller.Role == ActorRole.Admin || caller.Role == ActorRole.Liaison && caller.Scope == resource.UnitId;
        var open = owner && !withhold;
        var ledger = BookingLimits.LedgerId(resource.Id, day);
        var bookings = (await store.LoadAsync(ledger, ct))?.State.Bookings.OrderBy(b => b.Start).ThenBy(b => b.RequestedAt).ToList() ?? [];
        if (open && bookings.Count > 0) await contactViews.RecordAsync(ledger, caller, ContactViewLog.ViaOf(context), ct);
        var items = bookings.Select(b => new BookingDetail(b.Id, BookingTimes.Clock(b.Start), BookingTimes.Clock(b.End), b.Status.Code(), b.Status.Chinese(), b.People,
            open ? b.Name : AddressMask.MaskName(b.Name), open ? b.Phone : PhoneNumber.Mask(b.Phone), owner ? b.Purpose : null, b.RequesterUnitId,
            b.RequesterUnitId is { } u && d.Units.TryGetValue(u, out var unit) ? unit.Name : null, b.RequestedAt, b.Reason)).ToList();
        return Results.Json(new ResourceDayView(resource.Id, resource.Details?.Title ?? "", resource.UnitId, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), open, owner && withhold, items),
            BookingApiJson.Web.ResourceDayView);
    }
}
