namespace Gongjian.Understanding.Tests.Offline;

/// <summary>Each slot as a table of what residents type → what the bot should read.</summary>
public sealed class SlotTests
{
    [Theory]
    [InlineData("三楼楼道灯坏了一个星期了", "三楼楼道")]
    [InlineData("东七里宝盛小区3号楼下水道堵了 电话１３８０５３８１２３４", "宝盛小区3号楼")]
    [InlineData("宝盛小区3号楼2单元301 13805381234 厨房漏水了", "宝盛小区3号楼2单元301")]
    [InlineData("东七里社区宝盛小区５号楼１单元楼道灯不亮", "宝盛小区5号楼1单元楼道")]
    [InlineData("楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234", "宝盛小区3号楼")]
    [InlineData("我住在阳光花园小区8栋 有辆僵尸车", "阳光花园小区8栋")]
    [InlineData("青山小区12号楼 三单元 六楼 暖气不热", "青山小区12号楼三单元六楼")]
    [InlineData("二楼的楼道灯一闪一闪的", "二楼的楼道")]
    [InlineData("我们小区门口路灯不亮", "小区门口")]
    [InlineData("后铁匠巷11号院停车问题一直解决不了", "11号院")]
    [InlineData("3-2-301 暖气不热", "3-2-301")]
    [InlineData("1单元1202室 卫生间往楼下渗水", "1单元1202室")]
    [InlineData("农行宿舍自来水主管道漏水", "农行宿舍")]
    [InlineData("楼上天天半夜噪音", "楼上")]
    [InlineData("老伴腿脚不好想找人陪着去医院", null)]
    [InlineData("孩子放假没人管", null)]
    [InlineData("俺们小区停车太难了", null)]
    [InlineData("电话13805381234 等了2024天", null)]
    public void Place_is_read_as_written(string text, string? place) => Assert.Equal(place, Read.Offline(text).Place);

    [Theory]
    [InlineData("下水道堵了 电话13805381234", "13805381234")]
    [InlineData("下水道堵了 电话１３８０５３８１２３４", "13805381234")]
    [InlineData("手机：138-0538-1234 楼道灯坏了", "13805381234")]
    [InlineData("＋８６ １３８ ０５３８ １２３４ 东七里社区", "13805381234")]
    [InlineData("+86 138 0538 1234", "13805381234")]
    [InlineData("家里座机0538-8221234", "05388221234")]
    [InlineData("座机(0538)8221234找老王", "05388221234")]
    [InlineData("2单元301 13805381234 厨房漏水", "13805381234")]
    [InlineData("3号楼 138 0538 1234", "13805381234")]
    [InlineData("楼道灯坏了", null)]
    [InlineData("12345 不是电话", null)]
    [InlineData("号码是2381234567", null)]
    public void Phone_is_found_and_normalized(string text, string? phone) => Assert.Equal(phone, Read.Offline(text).Phone);

    [Theory]
    [InlineData("联系人李阿姨 138-0538-1234 楼道灯不亮", "李阿姨")]
    [InlineData("联系人：赵先生 电话13905382345", "赵先生")]
    [InlineData("联系人张秀英 13805381234", "张秀英")]
    [InlineData("您好，我姓王，电梯坏了", "王")]
    [InlineData("我叫张建国 家里困难", "张建国")]
    [InlineData("我是李阿姨 想找人陪着去医院", "李阿姨")]
    [InlineData("李阿姨电话13805381234 想找人陪她去医院", "李阿姨")]
    [InlineData("我是三联社区的 停车太难了", null)]
    [InlineData("表扬一下社区的李主任", null)]
    [InlineData("楼下王奶奶没人做饭", null)]
    public void Contact_name_is_read_only_when_the_resident_gives_it(string text, string? name) => Assert.Equal(name, Read.Offline(text).ContactName);

    [Theory]
    [InlineData("厨房水管漏水了 楼下都渗下去了", Urgency.Urgent)]
    [InlineData("楼道里着火了", Urgency.Urgent)]
    [InlineData("闻到煤气味了 快来人", Urgency.Urgent)]
    [InlineData("整栋楼停电了", Urgency.Urgent)]
    [InlineData("青山小区12号楼电梯困人了", Urgency.Urgent)]
    [InlineData("老人在家摔倒了起不来", Urgency.Urgent)]
    [InlineData("有人在小区里打架", Urgency.Urgent)]
    [InlineData("很紧急 快来看看", Urgency.Urgent)]
    [InlineData("三楼楼道灯坏了一个星期了", Urgency.Normal)]
    [InlineData("楼道里堆纸箱子 怕着火", Urgency.Normal)]
    [InlineData("不紧急 有空来看看楼道灯", Urgency.Normal)]
    [InlineData("孩子放假没人管", Urgency.Normal)]
    public void Urgency_follows_danger_not_fear(string text, Urgency urgency) => Assert.Equal(urgency, Read.Offline(text).Urgency);

    [Theory]
    [InlineData("东七里宝盛小区3号楼下水道堵了", "dongqili")]
    [InlineData("东七里社区的 楼下垃圾没人清", "dongqili")]
    [InlineData("宝盛小区门口路灯不亮", "dongqili")]
    [InlineData("阳光花园小区有辆僵尸车", "dongqili")]
    [InlineData("三联小区7号楼声控灯不亮", "sanlian")]
    [InlineData("我是三联社区的 停车太难了", "sanlian")]
    [InlineData("青山社区有没有儿童之家", "qingshan")]
    [InlineData("俺们企业党支部想跟东七里社区结对共建", "dongqili")]
    [InlineData("三楼楼道灯坏了一个星期了", null)]
    [InlineData("泰山小区路灯坏了", null)]
    public void Community_is_matched_by_name_or_alias(string text, string? communityId) => Assert.Equal(communityId, Read.Offline(text).CommunityId);

    [Fact]
    public void Community_is_not_guessed_from_an_empty_directory() =>
        Assert.Null(new OfflineWishUnderstanding().Understand("东七里宝盛小区3号楼", []).CommunityId);
}
