using System.Text.RegularExpressions;

namespace Gongjian.Understanding.Slots;

/// <summary>A contact name the resident stated, and the phrase that stated it (cut from summaries).</summary>
internal readonly record struct FoundName(string Name, int Start, int Length);

/// <summary>
/// Reads a name only where the resident says it is theirs: "联系人李阿姨", "我姓王", "我叫张建国",
/// "我是李阿姨", "李阿姨电话…". A name must start with a common surname, which keeps phrases like
/// "我是三联社区的" from becoming names; "表扬一下李主任" is not a contact and is not read.
/// </summary>
internal static partial class ContactNameFinder
{
    private const string Surnames = ChineseNames.Surnames;

    private const string Honorific = ChineseNames.Honorifics;

    [GeneratedRegex($@"联系人[:：是\s]*(?<n>[{Surnames}](?:{Honorific}|[\u4e00-\u9fff]{{1,2}}?))(?=电话|手机|$|[^\u4e00-\u9fff])")]
    private static partial Regex ContactPerson();

    [GeneratedRegex($@"我姓(?<n>[{Surnames}])")]
    private static partial Regex MySurname();

    [GeneratedRegex($@"我叫(?<n>[{Surnames}](?:{Honorific}|[\u4e00-\u9fff]{{1,2}}?))(?=电话|手机|$|[^\u4e00-\u9fff])")]
    private static partial Regex MyName();

    [GeneratedRegex($@"我是(?<n>[{Surnames}](?:{Honorific}))")]
    private static partial Regex IAm();

    [GeneratedRegex($@"(?<n>[{Surnames}](?:{Honorific}))的?(?:电话|手机)")]
    private static partial Regex NamedPhone();

    public static FoundName? Find(string text)
    {
        // "李阿姨电话…" keeps its phone label in the text: only the name itself is cut from the summary.
        (Regex Pattern, bool CutWholePhrase)[] patterns =
            [(ContactPerson(), true), (MyName(), true), (IAm(), true), (MySurname(), true), (NamedPhone(), false)];
        foreach (var (pattern, cutWholePhrase) in patterns)
        {
            var m = pattern.Match(text);
            if (!m.Success) continue;
            Capture cut = cutWholePhrase ? m : m.Groups["n"];
            return new FoundName(m.Groups["n"].Value, cut.Index, cut.Length);
        }
        return null;
    }
}
