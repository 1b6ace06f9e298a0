using FsCheck.Xunit;
using Gongjian.Domain.Activities;
using Xunit;
using static Gongjian.Domain.Tests.Activities.ActivityFixtures;

namespace Gongjian.Domain.Tests.Activities;

/// <summary>
/// Whatever people register and cancel in any order: the registered never exceed the capacity, nobody is
/// twice, and the waiting list keeps its order (the earliest waiting moves up first).
/// </summary>
[Properties(MaxTest = 300)]
public sealed class ActivityPropertyTests
{
    [Property]
    public void Registered_never_exceed_capacity_and_waiting_keeps_order(byte capacitySeed, int[] moves)
    {
        var capacity = capacitySeed % 5 + 1;
        var s = Announced(capacity);
        var at = T0;
        var expected = new List<string>(); // the waiting list as it should be: joined at the end, promoted from the front
        foreach (var m in moves)
        {
            var person = (m & 0x7fffffff) % 9;
            var register = (m & 0x7fffffff) / 9 % 3 != 0;
            var v = Module.Decide(s, register ? Register(person) : Unregister(person), at);
            foreach (var e in v.Events)
            {
                switch (e)
                {
                    case ParticipantRegistered { WaitingPosition: { } position } r:
                        Assert.Equal(expected.Count + 1, position);
                        expected.Add(r.Participant.PersonKey);
                        break;
                    case RegistrationCancelled c:
                        if (c.PromotedKey is not null) Assert.Equal(expected[0], c.PromotedKey);
                        expected.Remove(c.PersonKey);
                        if (c.PromotedKey is not null) expected.Remove(c.PromotedKey);
                        break;
                }
                s = Module.Evolve(s, e);
            }
            at = at.AddMinutes(3);

            Assert.True(s.Registered.Count <= capacity);
            var everyone = s.Registered.Concat(s.Waiting).Select(p => p.PersonKey).ToList();
            Assert.Equal(everyone.Count, everyone.Distinct().Count());
            // A free place never sits beside a waiting person.
            Assert.True(s.Waiting.Count == 0 || s.Registered.Count == capacity);
            Assert.Equal(expected, s.Waiting.Select(w => w.PersonKey));
        }
    }
}
