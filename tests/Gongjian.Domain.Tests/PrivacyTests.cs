using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gongjian.Domain.Privacy;
using Xunit;

namespace Gongjian.Domain.Tests;

/// <summary>Phone numbers as residents type them, and what strangers may see of a phone or an address.</summary>
public sealed class PrivacyTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("１３８１２３４５６７８", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("＋８６ １３８－１２３４－５６７８", "13812345678")]
    [InlineData("(0538)8221234", "05388221234")]
    [InlineData("0538-8221234", "05388221234")]
    [InlineData("010-12345678", "01012345678")]
    public void Phone_typed_in_a_usual_way_is_accepted_and_normalized(string typed, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(typed, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("23812345678")]
    [InlineData("12812345678")]
    [InlineData("138123456789")]
    [InlineData("138abcd5678")]
    [InlineData("phone")]
    [InlineData("138 1234 567８x")]
    [InlineData("0012345678")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Phone_that_is_not_a_chinese_number_is_refused(string? typed)
    {
        Assert.False(PhoneNumber.TryNormalize(typed, out var normalized));
        Assert.Equal("", normalized);
    }

    [Theory]
    [InlineData(41)]
    [InlineData(80)]
    public void Phone_over_40_characters_is_refused_even_if_it_hides_a_number(int length)
    {
        var typed = new string(' ', length - 11) + "13812345678";

        Assert.False(PhoneNumber.TryNormalize(typed, out _));
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("05388221234", "053****1234")]
    [InlineData("1234567", "*******")]
    public void Masked_phone_keeps_only_the_first_three_and_last_four_digits(string phone, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Mask(phone));
    }

    [Property(MaxTest = 200)]
    public Property Any_mobile_number_written_any_usual_way_normalizes_to_its_digits() =>
        Prop.ForAll(MobileNumbers.ToArbitrary(), Gen.Elements(Writings).ToArbitrary(), (mobile, write) =>
            PhoneNumber.TryNormalize(write(mobile), out var normalized) && normalized == mobile
            && PhoneNumber.Mask(normalized) == $"{mobile[..3]}****{mobile[^4..]}");

    [Theory]
    [InlineData("三联小区3号楼2单元301")]
    [InlineData("泰山花园12号楼1单元502室")]
    [InlineData("和平里小区8-2-301")]
    [InlineData("金街3号楼2单元301")]
    [InlineData("幸福路12号3单元402")]
    [InlineData("3号楼2单元301")]
    [InlineData("  东岳大街56号  ")]
    public void Masked_address_never_shows_the_house_number(string address)
    {
        var masked = AddressMask.Mask(address);

        Assert.EndsWith("****", masked);
        Assert.DoesNotContain(masked, char.IsDigit);
    }

    [Fact]
    public void Masked_address_keeps_the_estate_name()
    {
        Assert.Equal("三联小区****", AddressMask.Mask("三联小区3号楼2单元301"));
    }

    [Theory]
    [InlineData("张三", "张**")]
    [InlineData(" 欧阳娜娜 ", "欧**")]
    [InlineData("𠮷明", "𠮷**")]
    [InlineData("", "")]
    public void Masked_name_keeps_only_the_first_character(string name, string expected)
    {
        Assert.Equal(expected, AddressMask.MaskName(name));
    }

    private static readonly Gen<string> MobileNumbers =
        from second in Gen.Choose(3, 9)
        from rest in Gen.Choose(0, 9).ArrayOf(9)
        select $"1{second}{string.Concat(rest)}";

    private static readonly Func<string, string>[] Writings =
    [
        m => m,
        m => $"{m[..3]}-{m[3..7]}-{m[7..]}",
        m => $"+86 {m[..3]} {m[3..7]} {m[7..]}",
        m => $"86{m}",
        m => string.Concat(m.Select(c => (char)(c - '0' + '０'))),
        m => $"  {m} ",
    ];
}
