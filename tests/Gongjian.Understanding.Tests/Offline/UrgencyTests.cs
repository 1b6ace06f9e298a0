using Gongjian.Understanding.Slots;
using Gongjian.Understanding.Text;

namespace Gongjian.Understanding.Tests.Offline;

/// <summary>Urgency follows what is at stake (docs/UNDERSTANDING.md, "Urgency"), not single words.</summary>
public sealed class UrgencyTests
{
    [Theory]
    [InlineData("电梯坏了 俺住七楼 上下不了楼", "trapped")]
    [InlineData("门锁坏了 老人在屋里出不来", "trapped")]
    [InlineData("俺爸在卫生间摔倒了", "person down")]
    [InlineData("楼道里一股煤气味", "gas")]
    [InlineData("燃气好像漏了", "gas")]
    [InlineData("楼道里电线裸露 孩子们天天过", "electric")]
    [InlineData("配电箱的线耷拉下来了", "electric")]
    [InlineData("暖气管子爆了 水哗哗的", "water")]
    [InlineData("外墙皮往下掉 砸着人咋办", "collapse")]
    [InlineData("老房子的墙塌了", "collapse")]
    [InlineData("俺娘走丢了", "missing person")]
    public void What_is_at_stake_makes_a_wish_urgent(string text, string stake)
    {
        Assert.Equal(stake, UrgencyDetector.AtStake(SegmentedText.Of(ResidentText.Prepare(text))));
        Assert.Equal(Urgency.Urgent, Read.Offline(text).Urgency);
    }

    [Theory]
    [InlineData("燃气费交不起了")]
    [InlineData("想问问天然气开户在哪办")]
    [InlineData("楼道里的电线乱七八糟 能不能整理下")]
    [InlineData("两家因为漏水吵起来了 想请社区调解")]
    [InlineData("老人想理发 下不了楼 能上门不")]
    [InlineData("楼道里堆纸箱子 怕着火")]
    [InlineData("万一漏电咋办 想请人查查线路")]
    [InlineData("暖气不热")]
    public void A_thing_alone_a_fear_or_a_past_dispute_is_not_urgent(string text) =>
        Assert.Equal(Urgency.Normal, Read.Offline(text).Urgency);
}
