using Azure.Data.Tables;
using Gongjian.Domain.Bookings;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Needs;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Bookings;

/// <summary>预约列表: a unit's (its liaison; the street's organizer) or a street's (its organizer) resource-days, by day, earliest first; counts and slots, nothing personal.</summary>
public static class ListBookingsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "bookings");

    public static async Task<IResult> Run(HttpContext context, StorageClients storage, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        var (unit, street) = (IndexPage.Param(context, "unit"), IndexPage.Param(context, "street"));
        if (unit is not null == street is not null) throw ApiProblem.BadRequest("scope_required", "请指定 unit 或 street 之一。");
        var d = await directory.GetAsync(context.RequestAborted);
        var unitStreet = unit is not null && d.Units.TryGetValue(unit, out var u) ? u.StreetId : null;
        if (!BookingAccess.MayList(caller, unitStreet, unit, street)) throw ApiProblem.Forbidden("outside_scope", "只能查看您管辖范围内的预约。");
        var partition = unit is not null ? BookingModule.UnitList(unit) : BookingModule.StreetList(street!);
        var (rows, next) = await IndexPage.ReadAsync(context, storage, TableNames.BookingIndex, partition, []);
        return Results.Json(new BookingDayPage(rows.Select(ToItem).ToList(), next), BookingApiJson.Web.BookingDayPage);
    }

    public static BookingDayItem ToItem(TableEntity row) => new(row.GetString("LedgerId") ?? "", row.GetString("ResourceId") ?? "", row.GetString("UnitId") ?? "",
        row.GetString("StreetId") ?? "", row.GetString("Title") ?? "", row.GetString("Day") ?? "", row.GetInt32("Pending") ?? 0, row.GetInt32("Approved") ?? 0,
        row.GetInt32("Used") ?? 0, row.GetInt32("NoShow") ?? 0, (row.GetString("Slots") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries));
}
