using Gongjian.Domain.Orders;
using Gongjian.Domain.Wishes;
using Gongjian.Functions.Access;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Seed;

namespace Gongjian.Functions.Wishes;

/// <summary>The demo 微心愿 of 仙营街道 (<see cref="DemoData.Wishes"/>): submitted, published by staff, some claimed by a unit.</summary>
public static class DemoWishes
{
    public static async Task SeedAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var store = services.GetRequiredService<WishStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var staff = new Actor(ActorRole.Dispatcher, "seed", "社区工作人员");
        foreach (var w in DemoData.Wishes)
        {
            var id = WishAccess.NewId(clock.GetUtcNow());
            var outcome = await store.ExecuteAsync(id, new SubmitWish
            {
                By = WishActors.Resident, WishId = id, CommunityId = w.CommunityId, StreetId = DemoData.Xianying.Id, Category = w.Category, Text = w.Text,
                Contact = new WishContact(w.Name, w.Phone), TrackingCodeHash = WishAccess.Hash(OrderIds.NewTrackingCode()),
            }, ct);
            outcome = await store.ExecuteAsync(id, new PublishWish { By = staff, PublicText = w.PublicText, DisplayName = w.DisplayName }, ct);
            if (w.ClaimUnitId is { } unitId && DemoData.XianyingUnits.FirstOrDefault(u => u.Id == unitId) is { } unit)
                outcome = await store.ExecuteAsync(id, new ClaimWish
                {
                    By = new Actor(ActorRole.Liaison, unit.Id, unit.Name), Claimer = new Claimer(ClaimerKind.Unit, unit.Id, unit.Name, null, null, null),
                }, ct);
            output.WriteLine($"Wish {id}: {outcome.State.Status.Chinese()} — {w.PublicText}");
        }
    }
}
