namespace Gongjian.Domain.Orders;

/// <summary>Every reason Decide can refuse a command, with the sentence a person reads.</summary>
public static class Rejections
{
    private static Decision Invalid(string code, string message) => Decision.Reject(code, RejectionKind.Invalid, message);
    private static Decision Forbidden(string code, string message) => Decision.Reject(code, RejectionKind.Forbidden, message);
    private static Decision Conflict(string code, string message) => Decision.Reject(code, RejectionKind.Conflict, message);

    public static Decision RoleNotAllowed(string action) => Forbidden("role_not_allowed", $"您的身份不能{action}。");
    public static Decision NotAssignedUnit() => Forbidden("not_assigned_unit", "该工单没有派给您的单位。");
    public static Decision OrderExists() => Conflict("order_exists", "工单已存在。");
    public static Decision OrderNotFound() => Conflict("order_not_found", "工单不存在。");
    public static Decision WrongState(OrderStatus status, string action) =>
        Conflict($"order_{status.Code()}", $"工单当前状态为“{status.Chinese()}”，不能{action}。");
    public static Decision Required(string field, string label) => Invalid($"{field}_required", $"请填写{label}。");
    public static Decision TooLong(string field, string label, int max) =>
        Invalid($"{field}_too_long", $"{label}不能超过 {max} 个字。");
    public static Decision TooManyPhotos() => Invalid("too_many_photos", $"照片最多 {OrderLimits.PhotosMax} 张。");
    public static Decision InvalidPhone() => Invalid("invalid_phone", "联系电话格式不正确，请填写 11 位手机号或带区号的固定电话。");
    public static Decision UnknownCategory() => Invalid("unknown_category", "服务类别不存在。");
    public static Decision CategoryRequired() => Invalid("category_required", "派单前请先确定服务类别。");
    public static Decision UnitDoesNotServe() => Conflict("unit_does_not_serve_category", "该单位不提供此类服务。");
    public static Decision UnitDoesNotCover() => Conflict("unit_does_not_cover_community", "该单位不服务此社区。");
    public static Decision CompletionPhotoRequired() => Invalid("completion_photo_required", "办结时请至少上传一张现场照片。");
    public static Decision RatingOutOfRange() => Invalid("rating_out_of_range", "评分请选择 1 到 5 分。");
    public static Decision ReopenLimitReached() =>
        Conflict("reopen_limit_reached", $"已重新办理 {OrderLimits.ReopensMax} 次，请联系社区工作人员处理。");
    public static Decision TimerStale() => Conflict("timer_stale", "该环节已经办理，超时处理不再执行。");
    public static Decision TimerEarly() => Conflict("timer_early", "还没有到办理期限。");
    public static Decision AlreadyEscalated() => Conflict("already_escalated", "该环节已督办。");
    public static Decision OrderNotClosed() =>
        Conflict("order_not_closed", "工单尚未办结或取消，暂不能删除个人信息。如需撤回诉求，请先取消工单。");
    public static Decision AlreadyErased() => Conflict("already_erased", "该工单的个人信息已删除。");
    public static Decision AlreadyInShowcase() => Conflict("already_in_showcase", "该工单已在此晒单中。");
}
