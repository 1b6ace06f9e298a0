using Gongjian.Functions.Abuse;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Http.Contract;
using Gongjian.Functions.Resources;
using E = Gongjian.Functions.Bookings.BookingExamples;

namespace Gongjian.Functions.Bookings;

/// <summary>The HTTP functions of 资源共享预约 (issue 12), registered from FunctionRoutes in one line.</summary>
public static class BookingRoutes
{
    public static void MapBookingFunctions(this WebApplication app)
    {
        app.MapFunction("SetBookingPolicy", SetBookingPolicyFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, SetBookingPolicyFunction.Run))
            .Describe(E.Tag, "开放预约 Set the booking policy", "资源所属单位联络员（或街道组织方、管理员）设置每周开放时间（北京时间）、每个时段分钟数、即时确认或需审批；带 `If-Match` 时若已被他人修改则为 412。" +
                "The owner unit sets opening hours per weekday, the slot length and instant or approval; a stale `If-Match` is 412.", ApiAccess.Staff)
            .Takes(E.Policy).Gives(200, E.PolicyView).Refuses(400, 401, 403, 404, 409, 412, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("BookResource", BookResourceFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, BookResourceFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "预约资源 Book a resource", "居民（无需密钥）或单位联络员按开放时间预约整时段；规则取自资源本身。答复中的预约码只出现这一次，用于取消；同一时段只有一个预约成功（409 slot_taken）。" +
                "A resident (no key) or a liaison books whole slots; the policy is the resource's. The cancel code appears once; of overlapping bookings one wins.",
                ApiAccess.Resident | ApiAccess.Staff)
            .Takes(E.Book).Gives(201, E.Booked).Refuses(400, 401, 403, 404, 409, 413, 415, 422, 429)
            .RequireRateLimiting(RateLimitPolicies.Orders);
        app.MapFunction("GetBooking", GetBookingFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetBookingFunction.Run))
            .Describe(E.Tag, "查询预约 Look up a booking", "预约人凭预约码（X-Tracking-Code，无需密钥）查看自己的预约：资源、时段、状态，本人姓名和电话打码（到期删除后为空）；编号或预约码不对为 404 booking_not_found。" +
                "The requester reads their booking back with its code: resource, time, status; their own name and phone masked (empty once erased). " +
                "An unknown booking and a wrong code are the same 404; limited per code like the other code requests.", ApiAccess.Resident)
            .Gives(200, E.Lookup).Refuses(401, 404, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("ResourceAvailability", ResourceAvailabilityFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ResourceAvailabilityFunction.Run))
            .Describe(E.Tag, "空闲时段 Availability", "公开：某日（date=yyyy-MM-dd，北京时间）每个时段是否空闲，不含预约人信息。Public: a day's slots, free or taken, nothing personal.",
                ApiAccess.Anyone)
            .Gives(200, E.Availability).Refuses(400, 404, 409);
        app.MapFunction("ResourceAvailabilityRange", ResourceAvailabilityRangeFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ResourceAvailabilityRangeFunction.Run))
            .Describe(E.Tag, "空闲时段（多日）Availability over days", "公开：from 到 to（yyyy-MM-dd，北京时间，含两端，最多 14 天）每天每个时段是否空闲，不含预约人信息；日期颠倒为 400 range_reversed，超过 14 天为 400 range_too_long。" +
                "Public: the slots of each day from `from` to `to` (both included, at most 14 days), free or taken, nothing personal.", ApiAccess.Anyone)
            .Query("from", "开始日期 yyyy-MM-dd（北京时间）").Query("to", "结束日期 yyyy-MM-dd（含，最多 14 天）")
            .Gives(200, E.AvailabilityRange).Refuses(400, 404, 409);
        app.MapFunction("ApproveBooking", ApproveBookingFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ApproveBookingFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "批准预约 Approve", "资源所属单位联络员批准待审批的预约。The owner unit's liaison approves a pending booking.", ApiAccess.Staff)
            .Gives(200, E.In("approved", "已预约")).Refuses(401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("DeclineBooking", DeclineBookingFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, DeclineBookingFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "拒绝预约 Decline", "资源所属单位说明理由拒绝待审批的预约。The owner unit declines a pending booking, with a reason.", ApiAccess.Staff)
            .Takes(E.Decline).Gives(200, E.In("declined", "已拒绝", E.Decline.Reason)).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("MarkBookingUsed", MarkBookingUsedFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, MarkBookingUsedFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "已使用 Mark used", "时段开始后，资源所属单位登记已使用。Once the slot began, the owner unit records it used.", ApiAccess.Staff)
            .Gives(200, E.In("used", "已使用")).Refuses(401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("MarkBookingNoShow", MarkBookingNoShowFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, MarkBookingNoShowFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "未到场 Mark no-show", "时段开始后，资源所属单位登记未到场。Once the slot began, the owner unit records that nobody came.", ApiAccess.Staff)
            .Gives(200, E.In("no_show", "未到场")).Refuses(401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("CancelBooking", CancelBookingFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CancelBookingFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "取消预约 Cancel", "时段开始前，预约人凭预约码（code，无需密钥）或资源所属单位说明理由取消；时段随即空出。" +
                "Before the slot, the requester (with the code) or the owner unit cancels with a reason; the slot is free again.", ApiAccess.Resident | ApiAccess.Staff)
            .Takes(E.Cancel).Gives(200, E.In("cancelled", "已取消", E.Cancel.Reason)).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.ResidentCommands);
        app.MapFunction("ListBookings", ListBookingsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListBookingsFunction.Run))
            .Describe(E.Tag, "预约列表 List bookings", "单位（unit=，本单位联络员或本街道组织方）或街道（street=，组织方）的资源预约，按日期和资源一行：各状态数量和时段，不含个人信息；分页，可按 year 筛选。" +
                "A unit's or a street's resource-days: counts and slots, nothing personal; paged.", ApiAccess.Staff)
            .Gives(200, E.Days).Refuses(400, 401, 403);
        app.MapFunction("GetBookingPolicy", GetBookingPolicyFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetBookingPolicyFunction.Run))
            .Describe(E.Tag, "查看开放预约 Get the booking policy", "能查看该资源的工作人员读取开放时间、时段长度和确认方式，ETag 用于修改时的 If-Match；未开放预约为 404 booking_policy_not_set。" +
                "Staff who may see the resource read its booking policy, with the ETag for If-Match; never opened is 404.", ApiAccess.Staff)
            .Gives(200, E.PolicyView).Refuses(401, 403, 404);
        app.MapFunction("ResourceDayBookings", ResourceDayBookingsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ResourceDayBookingsFunction.Run))
            .Describe(E.Tag, "某日预约 A resource's bookings of a day", "能查看该资源的工作人员按日（date=yyyy-MM-dd，北京时间）查看预约。用途只对资源所属单位联络员（和管理员）显示；预约人姓名、电话也只对其显示，并记入联系方式查看记录，contact=masked 时不显示。其他工作人员看到的是打码的，不含用途。" +
                "A day's bookings; purpose, name and phone only for the owner unit (name and phone recorded in the contact audit; contact=masked withholds them), masked for other staff.", ApiAccess.Staff)
            .Query("date", "日期 yyyy-MM-dd（北京时间）").Query("contact", "masked：不显示联系方式")
            .Gives(200, E.DayView).Refuses(400, 401, 403, 404);
    }
}
