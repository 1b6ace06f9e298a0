using Gongjian.Domain.Activities;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;

namespace Gongjian.Functions.Activities;

/// <summary>
/// 活动记录: the activity's events in order, each with the counts it left (已报名 12/30, 候补 2). Written field by field so
/// nothing personal in the events leaks: a participant's name only for the organiser (masked for other staff, as in the
/// participant list), never a phone, key or code.
/// </summary>
public static class ActivityTimelineFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "activities/{id}/timeline");

    public static async Task<IResult> Run(HttpContext context, string id, ActivityStore store, ActivityModule module)
    {
        var caller = context.RequireStaff();
        var history = (ActivityAccess.IsWellFormed(id) ? await store.LoadWithHistoryAsync(id, context.RequestAborted) : null)
            ?? throw ApiProblem.NotFound("activity_not_found", "活动不存在，请检查编号。");
        var organiser = ActivityAccess.IsOrganiser(caller, history.State);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        // A name erased by retention (empty) is 报名人, as for anyone unknown.
        string Who(string key) => names.TryGetValue(key, out var name) && name.Length > 0 ? organiser ? name : AddressMask.MaskName(name) : "报名人";
        var state = module.Initial;
        var entries = new List<ActivityTimelineEntry>();
        foreach (var e in history.Events)
        {
            state = module.Evolve(state, e);
            if (e is ParticipantRegistered r) names[r.Participant.PersonKey] = r.Participant.Name;
            var counts = $"已报名 {state.Registered.Count}/{state.Capacity}" + (state.Waiting.Count > 0 ? $"，候补 {state.Waiting.Count}" : "");
            var (type, description, reason) = e switch
            {
                ActivityAnnounced a => ("announced", $"发布活动，名额 {a.Capacity} 人", (string?)null),
                ParticipantRegistered { WaitingPosition: { } position } r2 => ("waiting", $"{Who(r2.Participant.PersonKey)}报名，候补第{position}位（{counts}）", null),
                ParticipantRegistered r2 => ("registered", $"{Who(r2.Participant.PersonKey)}报名（{counts}）", null),
                RegistrationCancelled { PromotedKey: { } promoted } c => ("unregistered",
                    $"{Who(c.PersonKey)}取消报名，{Who(promoted)}由候补递补（{counts}）", null),
                RegistrationCancelled c => ("unregistered", $"{Who(c.PersonKey)}取消报名（{counts}）", null),
                RegistrationClosed => ("closed", $"报名截止（{counts}）", null),
                ParticipantCheckedIn c => ("checked_in", $"{Who(c.PersonKey)}签到（已签到 {state.Registered.Count(p => p.CheckedInAt is not null)} 人）", null),
                AttendanceRecorded a => ("attendance", $"登记出勤 {a.Lines.Count} 人，共 {a.Lines.Sum(l => l.Hours):0.##} 小时", null),
                ActivityCancelled c => ("cancelled", "活动已取消", c.Reason),
                ActivityRevised v => ("revised", $"修改了活动{string.Join("、", v.Changed)}", v.Changed.Contains("地点") ? $"地点改为：{v.Place}" : null),
                ActivityShowcased => ("showcased", "已入选风采展示", null),
                RegistrantContactsErased => ("contacts_erased", "报名人的姓名和电话保存期满，已删除", null),
                _ => ("unknown", "", null),
            };
            entries.Add(new ActivityTimelineEntry(entries.Count + 1, type, e.OccurredAt, By(e.By), description, reason));
        }
        return Results.Json(new ActivityTimeline(history.State.Id, entries), ActivityApiJson.Web.ActivityTimeline);
    }

    /// <summary>Staff by their role's name; a person registering is 报名人; the deadline's timer is 系统.</summary>
    private static ActorView By(Actor by) => by.Role switch
    {
        ActorRole.Resident => new ActorView("resident", "报名人"),
        ActorRole.System => new ActorView("system", "系统"),
        _ => new ActorView(Caller.RoleCode(by.Role), by.Name),
    };
}
