using Gongjian.Functions.Http.Contract;

namespace Gongjian.Functions.Bookings;

/// <summary>The 资源共享预约 tag and the examples of its contract.</summary>
public static class BookingExamples
{
    public static readonly ApiTag Tag = new("资源共享预约 Bookings",
        "成员单位开放场地等资源供预约：按北京时间的整时段预约，即时确认或由单位审批；居民凭预约码取消。Member units open resources for booking by whole slots (Beijing time).");

    public static readonly BookingPolicyRequest Policy = new()
    {
        Hours = [new() { Weekday = "monday", Opens = "08:30", Closes = "17:30" }, new() { Weekday = "saturday", Opens = "09:00", Closes = "12:00" }],
        SlotMinutes = 60, Instant = false,
    };

    public static readonly BookingPolicyView PolicyView = new("rs0123456789ab", Policy.Hours, 60, false, 2);

    public static readonly BookRequest Book = new()
    {
        Date = "2026-03-02", Start = "09:30", End = "11:30", Name = "王芳", Phone = "13800000000", Purpose = "楼道议事会", People = 12,
    };

    public static readonly BookingView Booked = new("bk20260302-3f9a1c2b", "rs0123456789ab", "网格驿站活动室", "2026-03-02", "09:30", "11:30", "pending", "待审批", 12, null, "7KQ3-MZ4P");

    public static BookingView In(string status, string text, string? reason = null) => Booked with { Status = status, StatusText = text, Reason = reason, CancelCode = null };

    public static readonly BookingLookupView Lookup = new("bk20260302-3f9a1c2b", "rs0123456789ab", "网格驿站活动室", "岱宗律师事务所", "2026-03-02", "09:30", "11:30",
        "approved", "已预约", 12, "王**", "138****0000", false, null);

    public static readonly BookingReasonRequest Decline = new() { Reason = "当天活动室已安排党员活动。" };

    public static readonly BookingReasonRequest Cancel = new() { Reason = "议事会改期。", Code = "7KQ3-MZ4P" };

    public static readonly AvailabilityView Availability = new("rs0123456789ab", "网格驿站活动室", "2026-03-02", true, 60, false,
        [new("08:30", "09:30", true), new("09:30", "10:30", false), new("10:30", "11:30", false), new("11:30", "12:30", true)]);

    public static readonly AvailabilityRangeView AvailabilityRange = new("rs0123456789ab", "网格驿站活动室", "2026-03-01", "2026-03-02", 60, false,
        [new("2026-03-01", false, []), new("2026-03-02", true, Availability.Slots)]);

    public static readonly BookingDayPage Days = new([new("rs0123456789ab~20260302", "rs0123456789ab", "daizong-law-firm", "caiyuan", "网格驿站活动室", "2026-03-02",
        1, 0, 0, 0, ["09:30-11:30 pending bk20260302-3f9a1c2b"])], null);

    public static readonly ResourceDayView DayView = new("rs0123456789ab", "网格驿站活动室", "daizong-law-firm", "2026-03-02", true, false,
        [new("bk20260302-3f9a1c2b", "09:30", "11:30", "pending", "待审批", 12, "王芳", "13800000000", "楼道议事会", null, null,
            new DateTimeOffset(2026, 2, 27, 10, 5, 0, TimeSpan.FromHours(8)), null)]);
}
