using FsCheck.Xunit;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Resources;
using Gongjian.Domain.Workflow;
using Xunit;

namespace Gongjian.Domain.Tests.Resources;

/// <summary>Invariants over random scripts of resource commands from the unit, other units, staff and dispatchers.</summary>
[Properties(MaxTest = 300)]
public sealed class ResourcePropertyTests
{
    private static readonly Actor[] Actors = [ResourceFixture.Liaison, new(ActorRole.Liaison, "other"), new(ActorRole.Organizer, "k"), new(ActorRole.Dispatcher, "d")];

    private static IEnumerable<(ResourceState Before, ResourceCommand Command, Verdict<ResourceEvent> Verdict, ResourceState After, List<ResourceEvent> History)> Run(int[] script)
    {
        var s = ResourceState.Initial;
        var history = new List<ResourceEvent>();
        foreach (var raw in script)
        {
            var n = Math.Abs((long)raw);
            var by = Actors[n / 3 % Actors.Length];
            int? version = n % 4 == 0 ? null : (int)(n / 12 % 4);
            ResourceCommand command = (n % 3) switch
            {
                0 => ResourceFixture.Offer(n % 2 == 0 ? ResourceFixture.Venue : ResourceFixture.Legal) with { By = by },
                1 => new EditResource { By = by, Details = n % 5 == 0 ? ResourceFixture.Venue with { Capacity = null } : ResourceFixture.Legal, ExpectedVersion = version },
                _ => new RetireResource { By = by, Reason = "暂停。", ExpectedVersion = version },
            };
            var verdict = ResourceFixture.Module.Decide(s, command, ResourceFixture.Now);
            var before = s;
            if (verdict.IsAccepted) { history.AddRange(verdict.Events); s = verdict.Events.Aggregate(s, ResourceFixture.Module.Evolve); }
            yield return (before, command, verdict, s, history.ToList());
        }
    }

    [Property]
    public void Only_the_units_liaison_or_street_staff_change_it_and_never_from_a_stale_version(int[] script)
    {
        foreach (var t in Run(script).Where(t => t.Verdict.IsAccepted))
        {
            Assert.True(t.Command.By == ResourceFixture.Liaison || t.Command.By.Role == ActorRole.Organizer);
            var expected = t.Command switch { EditResource e => e.ExpectedVersion, RetireResource r => r.ExpectedVersion, _ => null };
            if (expected is { } v) Assert.Equal(t.Before.Version, v);
        }
    }

    [Property]
    public void A_retired_entry_stays_retired_and_active_venues_always_have_room(int[] script)
    {
        foreach (var t in Run(script))
        {
            if (t.Before.Status == ResourceStatus.Retired) Assert.Same(t.Before, t.After);
            if (t.After.Details is { Kind: ResourceKind.Venue } d) Assert.InRange(d.Capacity ?? 0, 1, ResourceLimits.CapacityMax);
            Assert.Equal(t.History.Count, t.After.Version);
            Assert.Equal(ResourceFixture.Module.Replay(t.History), t.After);
        }
    }
}
