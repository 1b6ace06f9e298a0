using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Tests.Support;

/// <summary>The people, places and units every test order is made of.</summary>
internal static class Fixture
{
    public const string OrderId = "order-0001";
    public const string StreetId = "street-taishan";
    public const string CommunityId = "community-sanlian";
    public const string Category = "repair";

    public static readonly DateTimeOffset Now = new(2025, 6, 1, 9, 30, 0, TimeSpan.FromHours(8));

    /// <summary>Serves repairs in the order's community: the unit orders are dispatched to.</summary>
    public static readonly MemberUnit Unit = new(
        "unit-power", "市供电公司", StreetId, UnitLevel.City, UnitKind.StateOwned,
        ["repair", "safety"], [CommunityId, "community-other"]);

    /// <summary>Also serves repairs in the order's community, but is not the unit dispatched to.</summary>
    public static readonly MemberUnit OtherUnit = new(
        "unit-hospital", "区人民医院", StreetId, UnitLevel.District, UnitKind.Hospital,
        ["repair", "health"], [CommunityId]);

    /// <summary>Offers legal help only.</summary>
    public static readonly MemberUnit LegalUnit = new(
        "unit-law", "法律援助中心", StreetId, UnitLevel.District, UnitKind.Government,
        ["legal"], [CommunityId]);

    /// <summary>Repairs, but in another community.</summary>
    public static readonly MemberUnit FarUnit = new(
        "unit-far", "外区物业公司", "street-far", UnitLevel.Community, UnitKind.Company,
        ["repair"], ["community-far"]);

    public static readonly Actor Resident = new(ActorRole.Resident, "resident-zhang", "张三");
    public static readonly Actor Dispatcher = new(ActorRole.Dispatcher, "dispatcher-li", "李四");
    public static readonly Actor Organizer = new(ActorRole.Organizer, "organizer-wang", "王五");
    public static readonly Actor Admin = new(ActorRole.Admin, "admin-zhao", "赵六");
    public static readonly Actor System = Actor.System;

    public static Actor LiaisonOf(MemberUnit unit) => LiaisonOf(unit.Id);

    public static Actor LiaisonOf(string unitId) => new(ActorRole.Liaison, unitId, "联络员");

    /// <summary>Someone of the given role; a liaison belongs to the dispatched unit.</summary>
    public static Actor WithRole(ActorRole role) => role switch
    {
        ActorRole.Resident => Resident,
        ActorRole.Dispatcher => Dispatcher,
        ActorRole.Liaison => LiaisonOf(Unit),
        ActorRole.Organizer => Organizer,
        ActorRole.Admin => Admin,
        ActorRole.System => System,
        ActorRole.GridWorker => new(ActorRole.GridWorker, "key-gridworker", "网格员"),
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
