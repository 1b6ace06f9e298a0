namespace Gongjian.Understanding.Tests;

/// <summary>The directory the bot passes in: the seed's three communities of 财源街道, with estates as aliases.</summary>
internal static class Communities
{
    public static readonly IReadOnlyList<KnownCommunity> Caiyuan =
    [
        new("sanlian", "三联社区", ["三联", "三联小区"]),
        new("dongqili", "东七里社区", ["东七里", "宝盛小区", "宝盛", "阳光花园小区"]),
        new("qingshan", "青山社区", ["青山", "青山小区"]),
    ];
}
