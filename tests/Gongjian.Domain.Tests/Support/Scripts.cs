using FsCheck;
using FsCheck.Fluent;
using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Tests.Support;

/// <summary>
/// One random command: its kind, who sends it (0-7 the right person, including the assigned unit's liaison;
/// 8 a role that may not; 9 a liaison of another unit) and its arguments (0-7 valid, 8-9 wrong).
/// </summary>
public sealed record Step(CommandKind Kind, int Who, int What)
{
    public OrderCommand ToCommand(OrderState s)
    {
        OrderCommand command = Kind switch
        {
            CommandKind.Place => What < 8 ? Commands.Place() : Commands.Place() with { Text = " " },
            CommandKind.Dispatch => Commands.Dispatch(What switch
            {
                8 => Fixture.LegalUnit, 9 => Fixture.FarUnit, _ when What % 2 == 0 => Fixture.Unit, _ => Fixture.OtherUnit,
            }),
            CommandKind.Accept => Commands.Accept(),
            CommandKind.Decline => Commands.Decline() with { Reason = What < 8 ? "人手不足" : "" },
            CommandKind.Complete => Commands.Complete() with
            {
                PhotoIds = What == 8 ? [] : [$"photo-after-{What}"], Note = What == 9 ? "" : "已办结",
            },
            CommandKind.Confirm => Commands.Confirm() with { Rating = What switch { 8 => 0, 9 => 6, _ => 1 + What % 5 } },
            CommandKind.Reopen => Commands.Reopen() with { Reason = What < 8 ? "问题没有解决" : "" },
            CommandKind.Cancel => Commands.Cancel() with { Reason = What < 8 ? "不需要了" : new string('长', 501) },
            CommandKind.Reject => Commands.Reject() with { Reason = What < 8 ? "不属于服务范围" : "" },
            CommandKind.Withdraw => Commands.Withdraw() with { Reason = What < 8 ? "超时未接单" : "" },
            CommandKind.Showcase => Commands.Showcase(showcaseId: $"showcase-{What % 3}"),
            CommandKind.Erase => Commands.Erase() with { Reason = What < 8 ? "不再需要保留" : new string('长', 501) },
            _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
        };
        return command with { By = Sender(s) };
    }

    private Actor Sender(OrderState s) => Who switch
    {
        8 => Kind == CommandKind.Showcase ? Fixture.Resident : Fixture.Organizer,
        9 => Fixture.LiaisonOf(Fixture.OtherUnit.Id == s.UnitId ? Fixture.Unit : Fixture.OtherUnit),
        _ => Kind switch
        {
            CommandKind.Accept or CommandKind.Decline or CommandKind.Complete => Fixture.LiaisonOf(s.UnitId ?? Fixture.Unit.Id),
            CommandKind.Dispatch or CommandKind.Reject or CommandKind.Showcase or CommandKind.Withdraw or CommandKind.Erase when Who == 0 => Fixture.Admin,
            _ => Commands.Of(Kind).By,
        },
    };

    public override string ToString() => $"{Kind}({Who},{What})";
}

/// <summary>A random life of one order: the commands, tried one after another from no order at all.</summary>
public sealed record Script(IReadOnlyList<Step> Steps)
{
    public override string ToString() => $"[{string.Join(" ", Steps)}]";
}

/// <summary>FsCheck's source of scripts; shrinking drops steps to find the shortest failing life.</summary>
public static class ScriptArbitrary
{
    private static readonly Gen<CommandKind> Kinds = Gen.Frequency(
        Enum.GetValues<CommandKind>().Select(k => (k is CommandKind.Cancel or CommandKind.Reject ? 1 : 3, Gen.Constant(k))));

    public static readonly Gen<Step> Steps =
        from kind in Kinds
        from who in Gen.Choose(0, 9)
        from what in Gen.Choose(0, 9)
        select new Step(kind, who, what);

    public static readonly Gen<Script> Scripts =
        Gen.Sized(size => Gen.Choose(0, 10 + 2 * size).SelectMany(length => Steps.ArrayOf(length)))
            .Select(steps => new Script(steps));

    public static Arbitrary<Script> Script() => Arb.From(Scripts, Shrink);

    private static IEnumerable<Script> Shrink(Script script)
    {
        var steps = script.Steps;
        if (steps.Count > 1) yield return new Script([.. steps.Take(steps.Count / 2)]);
        for (var i = steps.Count - 1; i >= 0; i--)
            yield return new Script([.. steps.Take(i), .. steps.Skip(i + 1)]);
    }
}
