using Gongjian.Domain.Privacy.FreeText;
using Xunit;

namespace Gongjian.Domain.Tests;

/// <summary>
/// Personal data in what residents and staff write: a table of real-looking texts, each with the text a
/// stranger may read. Rows where nothing changes are the false positives the redactor must not make.
/// </summary>
public sealed class FreeTextRedactionTests
{
    private static readonly KnownPersonalData Resident = new("李秀英", "宝盛小区3号楼2单元301", "13805381234");

    public static readonly TheoryData<string, string> Masked = new()
    {
        // Mobile phones, every way they are typed.
        { "三楼楼道灯坏了，电话13805381234", "三楼楼道灯坏了，电话138****1234" },
        { "联系我138 0538 1234谢谢", "联系我138****1234谢谢" },
        { "手机：138-0538-1234", "手机：138****1234" },
        { "打138.0538.1234找李阿姨", "打138****1234找李阿姨" },
        { "+86 138 0538 1234", "138****1234" },
        { "+8613805381234", "138****1234" },
        { "0086-138-0538-1234", "138****1234" },
        { "（+86）13805381234", "（138****1234" },
        { "电话１３８０５３８１２３４", "电话138****1234" },
        { "电话一三八零五三八一二三四", "电话138****1234" },
        { "手机号幺三八零五三八幺两三四", "手机号138****1234" },
        { "一三八 〇五三八 一二三四找我", "138****1234找我" },
        { "号码是138零五三八1234", "号码是138****1234" },
        { "139 5388 7766，晚上打", "139****7766，晚上打" },
        { "有事call18953801234", "有事call189****1234" },
        { "tel:15605381234", "tel:156****1234" },
        { "两个号码：13805381234、13905382222", "两个号码：138****1234、139****2222" },
        { "电话13805381234 2单元门口", "电话138****1234 2单元门口" },
        // Landlines.
        { "座机0538-8221234", "座机053****1234" },
        { "请打(0538)8221234", "请打(053****1234" },
        { "010-12345678转总机", "010****5678转总机" },
        { "电话+86 538 822 1234", "电话053****1234" },
        { "电话：8221234", "电话：*******" },
        { "联系方式 0538 822 1234", "联系方式 053****1234" },
        // ID-card numbers.
        { "身份证号370902198001011234", "身份证号370902********1234" },
        { "身份证37090219800101123X", "身份证370902********123X" },
        { "证件号 370902 19800101 123x", "证件号 370902********123X" },
        { "老身份证370902800101123", "老身份证370902*****1123" },
        { "身份证号码：110105199912319999", "身份证号码：110105********9999" },
        // Building, unit and room numbers.
        { "3号楼2单元301修好了", "3号楼****修好了" },
        { "宝盛小区3号楼2单元301", "宝盛小区****" },
        { "东岳小区5号楼1单元502室漏水", "东岳小区5号楼****漏水" },
        { "3栋2-301的水管", "3栋****的水管" },
        { "2单元502室楼上漏水", "****楼上漏水" },
        { "12幢3单元门禁坏了", "12幢****门禁坏了" },
        { "301室的灯不亮", "****的灯不亮" },
        { "三号楼二单元三零一", "三号楼****" },
        { "住在３号楼２单元３０１", "住在３号楼****" },
        { "7号楼1902", "7号楼****" },
        { "7号楼1902，家里没人", "7号楼****，家里没人" },
        { "家住3-2-301", "家住****" },
        { "B座1203室", "B座****" },
        { "十二号楼三单元", "十二号楼****" },
        { "6#楼302门口", "6#楼****门口" },
        { "9号2单元401", "9号****" },
        // The order's own contact values.
        { "我是李秀英，灯坏了", "我是李**，灯坏了" },
        { "地址宝盛小区3号楼2单元301", "地址宝盛小区****" },
        { "就在3号楼2单元301门口", "就在3号楼****门口" },
        { "家住宝盛小区3号楼2单元301，电话13805381234，李秀英", "家住宝盛小区****，电话138****1234，李**" },
    };

    public static readonly TheoryData<string> Unchanged = new()
    {
        "3号楼的路灯修好了",
        "宝盛小区3号楼门口路灯不亮",
        "三楼楼道灯坏了一个星期了",
        "2026年12月5日上午修好了",
        "2026-12-05 14:30上门",
        "12月5号下午3点",
        "维修花了300元",
        "共更换灯泡157个",
        "已打12345热线反映",
        "工单GJ261122-7KQ3MZ已办结",
        "2025年以来处理了1200件",
        "3号楼120户居民受益",
        "3号楼2026年翻新",
        "3号楼300多平方米的绿地",
        "住在三楼，家里两个老人",
        "一二三四五六七八九十",
        "小区共有12栋楼",
        "5号楼和6号楼之间",
        "3室2厅的房子",
        "社区活动室开放",
        "客服电话400-820-8820",
        "温度零下5度，水管冻裂",
        "用了0.5吨水泥",
        "第2单元的门禁坏了",
        "东七里社区居民反映楼道灯损坏",
        "宝盛置业当天上门更换",
        "每天8:00-17:30办公",
        "编号20261205",
        "金额1380元",
        "邮编271000",
        "支付单号4200001234202612051234567890",
        "设备编号 123 456 789 012 345",
        "第一二三四五六七八九号",
    };

    [Theory]
    [MemberData(nameof(Masked))]
    public void Personal_data_is_masked(string text, string expected) =>
        Assert.Equal(expected, FreeTextRedactor.Redact(text, Resident));

    [Theory]
    [MemberData(nameof(Unchanged))]
    public void Ordinary_numbers_and_places_stay(string text)
    {
        Assert.Equal(text, FreeTextRedactor.Redact(text, Resident));
        Assert.Empty(FreeTextRedactor.Find(text, Resident));
    }

    [Theory]
    [InlineData("电话一三八零五三八一二三四", PersonalDataKind.Phone)]
    [InlineData("身份证37090219800101123X", PersonalDataKind.IdCard)]
    [InlineData("3号楼2单元301修好了", PersonalDataKind.HouseNumber)]
    [InlineData("李秀英家的灯修好了", PersonalDataKind.Name)]
    [InlineData("宝盛小区3号楼2单元301的灯修好了", PersonalDataKind.Address)]
    public void A_finding_says_what_it_is(string text, PersonalDataKind kind) =>
        Assert.Equal(kind, Assert.Single(FreeTextRedactor.Find(text, Resident)).Kind);

    [Theory]
    [InlineData("宝盛小区3号楼2单元301", "宝盛小区3号楼****")]
    [InlineData("李秀英反映楼道灯坏了", "李秀英反映楼道灯坏了")]
    public void Without_the_order_s_contact_only_patterns_are_found(string text, string expected) =>
        Assert.Equal(expected, FreeTextRedactor.Redact(text));

    [Theory]
    [InlineData("居民")]
    [InlineData("女士")]
    public void A_placeholder_name_is_not_masked_wherever_it_appears(string placeholder) =>
        Assert.Equal("居民反映楼道灯坏了", FreeTextRedactor.Redact("居民反映楼道灯坏了", new KnownPersonalData(placeholder, "", "13805381234")));

    [Fact]
    public void No_masked_text_keeps_the_middle_digits_of_a_phone_or_the_birth_date_of_an_id()
    {
        foreach (var row in Masked)
        {
            var redacted = FreeTextRedactor.Redact(row.Data.Item1, Resident);
            Assert.DoesNotContain("0538123", redacted);
            Assert.DoesNotContain("19800101", redacted);
            Assert.DoesNotContain("2单元301", redacted);
        }
    }

    [Fact]
    public void A_text_of_a_thousand_digit_groups_is_read_group_by_group()
    {
        var text = string.Join(" ", Enumerable.Repeat("1", 1000)) + "，电话13805381234";

        Assert.Equal(string.Join(" ", Enumerable.Repeat("1", 1000)) + "，电话138****1234", FreeTextRedactor.Redact(text));
    }
}
