using System.Text.RegularExpressions;
using Gongjian.Domain.Orders;
using Xunit;

namespace Gongjian.Domain.Tests.Support;

/// <summary>Assertions on decisions; every rejection is also checked to speak Chinese to people.</summary>
internal static partial class Expect
{
    public static Rejection Rejected(Decision decision, string code, RejectionKind kind)
    {
        Assert.False(decision.IsAccepted, $"expected rejection {code}, but got {Describe(decision)}");
        Assert.Empty(decision.Events);
        var rejection = decision.Rejection!;
        Assert.Equal(code, rejection.Code);
        Assert.Equal(kind, rejection.Kind);
        ChineseSentence(rejection.Message);
        return rejection;
    }

    public static TEvent Single<TEvent>(Decision decision) where TEvent : OrderEvent
    {
        Assert.True(decision.IsAccepted, $"expected {typeof(TEvent).Name}, but got {Describe(decision)}");
        return Assert.IsType<TEvent>(Assert.Single(decision.Events));
    }

    /// <summary>Non-empty, has Chinese characters, and no Latin letters (so no English words or codes).</summary>
    public static void ChineseSentence(string message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message), "message is empty");
        Assert.Matches(Cjk(), message);
        Assert.DoesNotMatch(Latin(), message);
    }

    public static string Describe(Decision decision) => decision.IsAccepted
        ? $"events [{string.Join(", ", decision.Events.Select(e => e.GetType().Name))}]"
        : $"rejection {decision.Rejection!.Code} ({decision.Rejection.Message})";

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"[A-Za-zＡ-Ｚａ-ｚ]")]
    private static partial Regex Latin();
}
