using Gongjian.Domain.Orders;
using Gongjian.Domain.Wishes;

namespace Gongjian.Domain.Tests.Wishes;

internal static class WishFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
    public static readonly WishModule Module = new(TimeSpan.FromDays(7), TimeSpan.FromDays(14));
    public static readonly Actor Dispatcher = new(ActorRole.Dispatcher, "key-d", "王调度");
    public static readonly Actor Admin = new(ActorRole.Admin, "key-a", "管理员");
    public static readonly Actor Liaison = new(ActorRole.Liaison, "unit-1", "联络员");
    public static readonly Actor OtherLiaison = new(ActorRole.Liaison, "unit-2", "联络员");
    public static readonly Claimer Unit = new(ClaimerKind.Unit, "unit-1", "仙营供电所", null, null, null);
    public static readonly Claimer Person = new(ClaimerKind.PartyMember, null, null, "李志愿", "13900001111", "pk1");

    public static SubmitWish Submit(Actor? by = null) => new()
    {
        By = by ?? WishActors.Resident, WishId = "XY260301-ABCDEF", CommunityId = "c1", StreetId = "s1", Category = "study",
        Text = "孙子上三年级，想要一个新书包。我叫张秀英，电话13812345678。", Contact = new WishContact("张秀英", "13812345678"), TrackingCodeHash = "h",
    };

    public static PublishWish Publish(Actor? by = null) => new() { By = by ?? Dispatcher, PublicText = "三年级的小朋友想要一个新书包。", DisplayName = "小明奶奶" };
    public static RejectWish Reject(Actor? by = null) => new() { By = by ?? Dispatcher, Reason = "请改为社区服务工单。" };
    public static WithdrawWish Withdraw(Actor? by = null) => new() { By = by ?? WishActors.Resident };
    public static ClaimWish Claim(Actor? by = null, Claimer? claimer = null) => new() { By = by ?? Liaison, Claimer = claimer ?? Unit };
    public static ReleaseClaim Release(Actor? by = null) => new() { By = by ?? Liaison, Reason = "人手不够" };
    public static FulfilWish Fulfil(Actor? by = null) => new() { By = by ?? Liaison, Note = "书包已送到。", PhotoIds = ["p1"] };
    public static ConfirmWish Confirm(Actor? by = null) => new() { By = by ?? WishActors.Resident };

    public static EraseWishPersonalData Erase(Actor? by = null) => new() { By = by ?? Dispatcher, Reason = "居民申请删除" };

    public static WishCommand[] AllCommands() => [Submit(Admin), Publish(Admin), Reject(Admin), Withdraw(Admin), Claim(Admin), Release(Admin), Fulfil(Admin), Confirm(Admin), Erase(Admin)];

    /// <summary>A wish brought to a status the way it would be, through accepted commands.</summary>
    public static WishState In(WishStatus status)
    {
        WishCommand[] path = status switch
        {
            WishStatus.None => [],
            WishStatus.Submitted => [Submit()],
            WishStatus.Published => [Submit(), Publish()],
            WishStatus.Claimed => [Submit(), Publish(), Claim()],
            WishStatus.Fulfilled => [Submit(), Publish(), Claim(), Fulfil()],
            WishStatus.Confirmed => [Submit(), Publish(), Claim(), Fulfil(), Confirm()],
            WishStatus.Rejected => [Submit(), Reject()],
            WishStatus.Withdrawn => [Submit(), Withdraw()],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        return Run(WishState.Initial, path);
    }

    public static WishState Run(WishState s, params WishCommand[] commands)
    {
        var at = T0;
        foreach (var c in commands)
        {
            var v = Module.Decide(s, c, at);
            if (!v.IsAccepted) throw new InvalidOperationException($"{c.GetType().Name} refused: {v.Rejection}");
            s = v.Events.Aggregate(s, Module.Evolve);
            at = at.AddHours(1);
        }
        return s;
    }
}
