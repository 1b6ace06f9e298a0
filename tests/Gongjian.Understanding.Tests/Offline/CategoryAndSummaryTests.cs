namespace Gongjian.Understanding.Tests.Offline;

/// <summary>The brief's own examples and the glossary's typical orders, plus the one-line summary.</summary>
public sealed class CategoryAndSummaryTests
{
    [Theory]
    [InlineData("三楼楼道灯坏了一个星期了", "repair")]
    [InlineData("东七里宝盛小区3号楼下水道堵了 电话１３８０５３８１２３４", "repair")]
    [InlineData("老伴腿脚不好想找人陪着去医院", "elderly")]
    [InlineData("楼上天天半夜噪音", "safety")]
    [InlineData("孩子放假没人管", "children")]
    [InlineData("小区里有辆僵尸车", "parking")]
    [InlineData("楼下垃圾堆了好几天", "environment")]
    [InlineData("社区啥时候有义诊 想量量血压", "health")]
    [InlineData("老板欠了三个月工资不给", "legal")]
    [InlineData("孩子上学没有书包 想许个微心愿", "hardship")]
    [InlineData("想报个书法班", "culture")]
    [InlineData("在职党员怎么到社区报到", "party")]
    [InlineData("开个居住证明要带啥", "other")]
    public void Typical_orders_get_their_category(string text, string category)
    {
        var fields = Read.Offline(text);
        Assert.Equal(category, fields.Category);
        Assert.InRange(fields.CategoryConfidence, 0.4, 1.0);
    }

    [Theory]
    [InlineData("你好")]
    [InlineData("在吗")]
    [InlineData("asdf qwer")]
    [InlineData("嗯嗯")]
    public void Messages_without_a_need_get_no_category_so_the_bot_asks(string text) => Assert.Null(Read.Offline(text).Category);

    [Theory]
    [InlineData("三楼楼道灯坏了一个星期了", "三楼楼道灯坏了一个星期了")]
    [InlineData("东七里宝盛小区3号楼下水道堵了 电话１３８０５３８１２３４", "东七里宝盛小区3号楼下水道堵了")]
    [InlineData("您好，我姓王，青山小区12号楼电梯困人了！电话：0538-8221234 谢谢", "青山小区12号楼电梯困人了")]
    [InlineData("联系人李阿姨 138-0538-1234 三联小区7号楼1单元楼道灯不亮", "三联小区7号楼1单元楼道灯不亮")]
    [InlineData("电梯坏了 俺住七楼 上下不了楼", "电梯坏了，俺住七楼，上下不了楼")]
    [InlineData("想问问社区电话多少", "想问问社区电话多少")]
    [InlineData("13805381234", null)]
    public void Summary_keeps_the_residents_words_without_phone_name_or_filler(string text, string? summary) =>
        Assert.Equal(summary, Read.Offline(text).Summary);

    [Fact]
    public void Summary_is_at_most_30_characters()
    {
        var fields = Read.Offline("俺住七楼 电梯坏了三天了 老人下不了楼 麻烦社区领导给协调一下 谢谢 我家电话13905381234 联系人赵先生");
        Assert.InRange(fields.Summary!.Length, 1, 30);
        Assert.StartsWith("俺住七楼，电梯坏了三天了", fields.Summary);
        Assert.DoesNotContain("1390538", fields.Summary);
    }

    [Fact]
    public void A_summary_of_one_long_clause_is_cut_with_an_ellipsis()
    {
        var summary = Read.Offline(new string('漏', 50) + "水").Summary!;
        Assert.Equal(30, summary.Length);
        Assert.EndsWith("…", summary);
    }
}
