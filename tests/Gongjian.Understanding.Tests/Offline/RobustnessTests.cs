using System.Diagnostics;
using Gongjian.Understanding.Classification;

namespace Gongjian.Understanding.Tests.Offline;

/// <summary>Odd input never throws and yields nothing; ordinary input is read in well under a millisecond.</summary>
public sealed class RobustnessTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("？？？！！！")]
    [InlineData("asdfghjkl")]
    [InlineData("\u0000\u0001\uffff")]
    [InlineData("😀😀😀")]
    public void Empty_or_garbage_input_gives_empty_fields(string? text)
    {
        var fields = Read.Offline(text);
        Assert.Equal(new WishFields { Source = "offline", CategoryConfidence = fields.CategoryConfidence }, fields);
        Assert.Equal(0, fields.CategoryConfidence);
    }

    [Fact]
    public void Very_long_input_is_cut_to_the_cap_and_still_read()
    {
        var text = "三楼楼道灯坏了 " + new string('啊', 100_000) + " 电话13805381234";
        var fields = Read.Offline(text);
        // The phone beyond the cap is not found: the reader looked at the first 2,000 characters only (no timing needed).
        Assert.Equal("三楼楼道", fields.Place);
        Assert.Null(fields.Phone); // it lies beyond the 2,000-character cap
    }

    [Fact]
    public void Random_text_never_throws()
    {
        var random = new Random(20_260_101);
        const string alphabet = "楼道灯坏了小区号单元层室电话手机联系人我姓王李阿姨漏水着火东七里三联青山0123456789０１２３ -+()（），。！？\t";
        for (var i = 0; i < 5_000; i++)
        {
            var chars = new char[random.Next(0, 80)];
            for (var j = 0; j < chars.Length; j++)
                chars[j] = random.Next(10) == 0 ? (char)random.Next(0, 0xFFFF) : alphabet[random.Next(alphabet.Length)];
            var fields = Read.Offline(new string(chars));
            Assert.True(fields.Summary is null || fields.Summary.Length <= 30);
        }
    }

    // Speed is reported, not asserted: a loaded 2-core machine must pass (scripts/bench measures it).
    [Fact]
    public void A_typical_message_is_read_the_same_way_every_time_and_its_speed_reported()
    {
        OfflineWishUnderstanding.Warm();
        const string text = "东七里宝盛小区3号楼2单元下水道堵了 电话１３８０５３８１２３４ 联系人李阿姨";
        var first = Read.Offline(text);
        for (var i = 0; i < 200; i++) Read.Offline(text);
        const int runs = 2_000;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++) Assert.Equal(first, Read.Offline(text));
        var perMessage = clock.Elapsed.TotalMilliseconds / runs;
        output.WriteLine($"offline reading: {perMessage * 1000:F0} µs per message");
        Assert.Equal(("repair", "dongqili", "13805381234"), (first.Category, first.CommunityId, first.Phone));
    }

    [Fact]
    public void The_classifier_trains_from_the_embedded_split()
    {
        var clock = Stopwatch.StartNew();
        var classifier = CategoryClassifier.Train(LabelledWishes.Training(), ClassifierSettings.Default);
        output.WriteLine($"training on the embedded split: {clock.ElapsedMilliseconds} ms");
        Assert.Equal("repair", classifier.Classify("楼道灯坏了").Code);
    }
}
