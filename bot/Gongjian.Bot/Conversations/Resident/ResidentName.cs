using System.Text.RegularExpressions;
using Gongjian.Understanding;

namespace Gongjian.Bot.Conversations.Resident;

/// <summary>
/// How a resident wants to be addressed (称呼): read from a self-introduction ("我叫王建国", "我姓王",
/// "我是王阿姨", "叫我老王就行") or from the answer to the bot's question ("王阿姨", "王"). A name must start
/// with a common surname (老/小 first is fine), so ordinary words are not taken for names. Names are
/// personal data: they go where the phone goes (the order's contact, masked wherever contact is masked).
/// </summary>
public static partial class ResidentName
{
    /// <summary>A message that is nothing but a self-introduction (a greeting before it is fine); null otherwise.</summary>
    public static string? Introduction(string text)
    {
        var bare = Intents.Bare(Intents.Normalize(text));
        return Introduced().Match(bare) is { Success: true } m ? Form(m.Groups["n"].Value)
            : Addressed().Match(bare) is { Success: true } a ? Form(a.Groups["n"].Value)
            : null;
    }

    /// <summary>The answer to "怎么称呼您": a self-introduction, or just the name or surname; null when it is none.</summary>
    public static string? Answer(string text) => SmallTalk.Read(text) is not null ? null :
        Introduction(text) ?? (Plain().Match(Intents.Bare(Intents.Normalize(text))) is { Success: true } m ? Form(m.Groups["n"].Value) : null);

    /// <summary>How the bot greets the resident: the name as given ("王阿姨", "王建国"); a bare surname is not a greeting.</summary>
    public static string? Salutation(string? name) => name is { Length: >= 2 } && !name.EndsWith(SurnameOnly, StringComparison.Ordinal) ? name : null;

    /// <summary>A surname alone becomes "王先生/女士": staff read it as a name, without guessing who it is.</summary>
    public static string Form(string name) => name.Length == 1 ? name + SurnameOnly : name;

    private const string SurnameOnly = "先生/女士";

    private const string Name = $@"(?:[老小][{ChineseNames.Surnames}]|[{ChineseNames.Surnames}](?:{ChineseNames.Honorifics})|[{ChineseNames.Surnames}][\u4e00-\u9fff]{{1,2}})";

    [GeneratedRegex($@"^(?:你好|您好)?(?:我叫|我的名字是|叫我|我是)(?<n>{Name})(?:就行了?|就好|就可以)?$")]
    private static partial Regex Introduced();

    [GeneratedRegex($@"^(?:你好|您好)?(?:我姓|姓)(?<n>[{ChineseNames.Surnames}])$|^(?:你好|您好)?(?:我是)?(?<n>[老小][{ChineseNames.Surnames}]|[{ChineseNames.Surnames}](?:{ChineseNames.Honorifics}))$")]
    private static partial Regex Addressed();

    [GeneratedRegex($@"^(?<n>{Name}|[{ChineseNames.Surnames}])$")]
    private static partial Regex Plain();
}
