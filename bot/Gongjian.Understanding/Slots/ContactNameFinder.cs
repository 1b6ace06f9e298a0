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
    // The ~150 most common surnames; rare ones are missed rather than risk reading words as names.
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔向汤常温康施牛樊葛邢齐乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝辛靳管柴鲍喻祁蒲房滕屈饶艾尤穆司卓吉缪简项连娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬栾隋刁荣巫寇桑郎甄丛仲虞敖巩佘池查迟邝";

    private const string Honorific = "阿姨|大爷|大娘|大妈|大婶|奶奶|爷爷|姥姥|姥爷|先生|女士|小姐|师傅|大姐|大哥|叔叔|婶婶|老师";

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
