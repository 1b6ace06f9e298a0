using Xunit;
using Gongjian.Domain.Privacy.FreeText;

namespace Gongjian.Domain.Tests.Privacy;

/// <summary>What a public page drops: every masked form staff may see, and nothing else.</summary>
public sealed class PublicTextTests
{
    [Theory]
    [InlineData("我是欧**，住宝盛小区3号楼****，电话 139****1122。", "我是（略），住宝盛小区3号楼（略），电话 （略）。")]
    [InlineData("联系王*，身份证 370902********1234", "联系（略），身份证 （略）")]
    [InlineData("东门加装 10 个电动车充电桩", "东门加装 10 个电动车充电桩")]
    [InlineData("3号楼2单元", "3号楼2单元")]
    [InlineData("", "")]
    public void Masked_forms_are_dropped_and_the_rest_kept(string text, string expected) =>
        Assert.Equal(expected, PublicText.WithoutMasked(text));

    [Fact]
    public void Redacted_then_dropped_text_holds_no_digit_of_the_phone_and_no_part_of_the_name()
    {
        var known = new KnownPersonalData("欧阳秀兰", null, "13905381122");
        var text = PublicText.WithoutMasked(FreeTextRedactor.Redact("我是欧阳秀兰，住宝盛小区3号楼2单元301，电话 13905381122。", known));

        Assert.DoesNotContain("*", text);
        Assert.DoesNotContain("1122", text);
        Assert.DoesNotContain("欧", text);
        Assert.DoesNotContain("301", text);
    }
}
