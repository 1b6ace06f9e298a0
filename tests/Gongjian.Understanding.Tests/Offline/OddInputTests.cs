namespace Gongjian.Understanding.Tests.Offline;

/// <summary>The odd inputs issue 16 lists: an answer or nothing (the bot then asks), never an exception.</summary>
public sealed class OddInputTests
{
    [Theory]
    [InlineData("WiFi坏了 no signal 楼道灯也不亮", "repair")]
    [InlineData("＋８６ １３８ ０５３８ １２３４ 樓道燈壞了", "repair")]
    [InlineData("楼道灯\u0000坏了\u0007", "repair")]
    public void Mixed_english_full_width_phone_and_control_characters_are_read(string text, string category) =>
        Assert.Equal(category, Read.Offline(text).Category);

    [Fact]
    public void Ten_thousand_traditional_characters_are_cut_and_read()
    {
        var fields = Read.Offline("樓道燈壞了 " + string.Concat(Enumerable.Repeat("樓道燈壞了還有殭屍車", 1_000)));
        Assert.Equal("repair", fields.Category);
        Assert.True(fields.Summary!.Length <= 30);
    }

    [Fact]
    public void Random_traditional_and_full_width_text_never_throws()
    {
        var random = new Random(20_261_206);
        const string alphabet = "樓道燈壞了還有殭屍車沒人管電話號碼聯繫人黨員報到社區衛生院孩子老人電線冒火花煤氣味０１２３４５６７８９ＡＢＣ（）＋－，。！？ \u3000";
        for (var i = 0; i < 3_000; i++)
        {
            var chars = new char[random.Next(0, 120)];
            for (var j = 0; j < chars.Length; j++)
                chars[j] = random.Next(12) == 0 ? (char)random.Next(0, 0xFFFF) : alphabet[random.Next(alphabet.Length)];
            var fields = Read.Offline(new string(chars));
            Assert.True(fields.Summary is null || fields.Summary.Length <= 30);
            Assert.All(fields.Problems, p => Assert.True(ServiceCategoryIsKnown(p.Category)));
        }
    }

    private static bool ServiceCategoryIsKnown(string code) => Gongjian.Domain.Community.ServiceCategory.IsKnown(code);
}
