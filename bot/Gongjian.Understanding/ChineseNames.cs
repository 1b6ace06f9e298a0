namespace Gongjian.Understanding;

/// <summary>What a Chinese name or form of address is made of, for reading names people give about themselves.</summary>
public static class ChineseNames
{
    /// <summary>The ~150 most common surnames; rare ones are missed rather than risk reading words as names.</summary>
    public const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔向汤常温康施牛樊葛邢齐乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝辛靳管柴鲍喻祁蒲房滕屈饶艾尤穆司卓吉缪简项连娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬栾隋刁荣巫寇桑郎甄丛仲虞敖巩佘池查迟邝";

    /// <summary>Forms of address that follow a surname (王阿姨, 李先生), as a regex alternation.</summary>
    public const string Honorifics = "阿姨|大爷|大娘|大妈|大婶|奶奶|爷爷|姥姥|姥爷|先生|女士|小姐|师傅|大姐|大哥|叔叔|婶婶|老师";
}
