using Gongjian.Bot.Conversations.Resident;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>Where a later problem of one message is: its own place, or its spot at the building the message named.</summary>
public sealed class SeveralProblemsPlaceTests
{
    [Theory]
    [InlineData("楼下", "宝盛小区3号楼楼道", "宝盛小区3号楼楼下")]
    [InlineData("门口", "阳光花园", "阳光花园门口")]
    [InlineData("阳光花园小区", "宝盛小区3号楼楼道", "阳光花园小区")]
    [InlineData("5号楼楼下", "宝盛小区3号楼楼道", "5号楼楼下")]
    [InlineData(null, "宝盛小区3号楼楼道", "宝盛小区3号楼楼道")]
    [InlineData("楼下", null, "楼下")]
    [InlineData("楼下", "楼道", "楼下")]
    public void A_spot_is_at_the_building_the_message_named(string? own, string? message, string? expected) =>
        Assert.Equal(expected, SeveralProblems.Within(own, message));
}
