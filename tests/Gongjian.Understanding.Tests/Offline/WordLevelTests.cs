using Gongjian.Understanding.Classification;
using Gongjian.Understanding.Text;

namespace Gongjian.Understanding.Tests.Offline;

/// <summary>Cues are words, not substrings; the head of the complaint decides over bystanders and object words.</summary>
public sealed class WordLevelTests
{
    [Theory]
    [InlineData("卫生院的大夫几点上班", "卫生院/的/大夫/几点/上班")]
    [InlineData("楼道里电线裸露 孩子差点触电", "楼道/里/电线/裸露/孩子/差点/触电")]
    [InlineData("三楼楼道灯坏了", "三/楼/楼道灯/坏/了")]
    [InlineData("下水道堵了 电话13805381234", "下水道/堵/了/电话/13805381234")]
    public void Text_is_cut_into_words(string text, string words)
    {
        var segmented = SegmentedText.Of(text);
        Assert.Equal(words, string.Join("/", segmented.Words.Select(w => text.Substring(w.Start, w.Length))));
    }

    [Theory]
    [InlineData("卫生院的大夫几点上班", "卫生", false)]
    [InlineData("楼道卫生太差了", "卫生", true)]
    [InlineData("电动车充电桩太少", "充电", false)]
    [InlineData("灯坏了", "坏了", true)]
    public void A_cue_matches_whole_words_only(string text, string cue, bool found) =>
        Assert.Equal(found, SegmentedText.Of(text).Has(cue));

    [Theory]
    [InlineData("卫生院几点开门 想开点药", "health")]
    [InlineData("楼道卫生没人管 脏得很", "environment")]
    [InlineData("小区的秋千坏了 孩子们没法玩", "repair")]
    [InlineData("孩子放假没人管", "children")]
    [InlineData("楼道里电线裸露 冒火花", "safety")]
    [InlineData("楼道里电线坏了 灯不亮", "repair")]
    [InlineData("暖气费交不起 家里实在困难", "hardship")]
    [InlineData("暖气不热 找人修一下", "repair")]
    public void The_head_of_the_complaint_decides(string text, string category) =>
        Assert.Equal(category, Read.Offline(text).Category);

    [Fact]
    public void A_person_word_beside_another_head_gives_no_evidence()
    {
        var reading = Reading.Of("单元门锁坏了 老人孩子进出不方便");
        Assert.Contains("repair", reading.HeadCategories);
        var leftOut = reading.LeftOut.Select(s => reading.Text.Text.Substring(s.Start, s.Length)).ToHashSet();
        Assert.Equal(["孩子", "老人"], leftOut.Order());
    }
}
