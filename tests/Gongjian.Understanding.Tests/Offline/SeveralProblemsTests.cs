using Gongjian.Understanding.Classification;
using Gongjian.Understanding.Tests.Accuracy;

namespace Gongjian.Understanding.Tests.Offline;

/// <summary>A message with problems of different kinds is returned as several problems, one wish each.</summary>
public sealed class SeveralProblemsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("楼道灯坏了 还有楼下那辆僵尸车好几年没人管", "repair:楼道灯坏了|parking:楼下那辆僵尸车好几年没人管")]
    [InlineData("三楼楼道灯不亮，另外小区门口垃圾好几天没人清", "repair:三楼楼道灯不亮|environment:小区门口垃圾好几天没人清")]
    [InlineData("樓道燈壞了，還有一輛殭屍車沒人管", "repair:楼道灯坏了|parking:一辆僵尸车没人管")]
    [InlineData("暖气不热 俺家老人冻得慌 还有楼上天天半夜噪音", "repair:暖气不热，俺家老人冻得慌|safety:楼上天天半夜噪音")]
    public void Problems_of_different_kinds_are_returned_in_order(string text, string expected)
    {
        var problems = Read.Offline(text).Problems;
        Assert.Equal(expected, string.Join("|", problems.Select(p => $"{p.Category}:{p.Summary}")));
    }

    [Theory]
    [InlineData("电梯坏了 俺住七楼 上下不了楼")]
    [InlineData("三楼楼道灯坏了一个星期了，晚上上下楼看不见，老人怕摔。")]
    [InlineData("楼道灯坏了 电话13805381234 联系人李阿姨")]
    [InlineData("楼道灯坏了 还有二楼的也不亮")]
    public void One_problem_told_in_several_clauses_stays_one(string text) => Assert.Empty(Read.Offline(text).Problems);

    [Fact]
    public void Urgency_is_read_per_problem()
    {
        var problems = Read.Offline("楼道里一股煤气味，另外楼下垃圾没人清").Problems;
        Assert.Equal([("safety", Urgency.Urgent), ("environment", Urgency.Normal)], problems.Select(p => (p.Category, p.Urgency)));
    }

    [Fact]
    public void Few_single_problem_wishes_are_split()
    {
        var rows = LabelledWishes.Training().Concat(SplitScore.Load("wishes.test.tsv")).Concat(SplitScore.Load("wishes.residents.test.tsv")).ToList();
        var split = rows.Where(r => Read.Offline(r.Text).Problems.Count > 0).ToList();
        output.WriteLine($"single-problem wishes read as several: {split.Count}/{rows.Count}");
        foreach (var row in split)
            output.WriteLine($"  {row.Category}: {row.Text} -> {string.Join(" | ", Read.Offline(row.Text).Problems.Select(p => $"{p.Category}:{p.Summary}"))}");
        Assert.True(split.Count <= rows.Count * 0.05, $"{split.Count} of {rows.Count} single-problem wishes were split");
    }
}
