using Gongjian.Domain.Orders;
using Gongjian.Domain.Resources;
using Gongjian.Domain.Workflow;
using Xunit;
using static Gongjian.Domain.Resources.ResourceStatus;

namespace Gongjian.Domain.Tests.Resources;

public enum ResourceCommandKind { Offer, Edit, Retire }

public static class ResourceFixture
{
    public static readonly ResourceModule Module = new();
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly Actor Liaison = new(ActorRole.Liaison, "law-firm");

    public static ResourceDetails Legal => new()
    {
        Kind = ResourceKind.Service, Category = "legal", Title = "免费法律咨询", CommunityIds = ["sanlian", "dongqili"], Availability = "每月第一个周六上午",
    };

    public static ResourceDetails Venue => new()
    {
        Kind = ResourceKind.Venue, Category = "culture", Title = "网格驿站活动室", Availability = "提前一天预约", Capacity = 30, OpeningHours = "每天 9:00–20:00",
    };

    public static OfferResource Offer(ResourceDetails? details = null) => new()
    {
        By = Liaison, ResourceId = "r1", UnitId = "law-firm", UnitName = "岱宗律所", StreetId = "caiyuan", Details = details ?? Legal,
    };

    public static ResourceState Apply(ResourceState s, ResourceCommand c)
    {
        var v = Module.Decide(s, c, Now);
        Assert.True(v.IsAccepted, v.Rejection?.Code);
        return v.Events.Aggregate(s, Module.Evolve);
    }

    public static ResourceState Given(ResourceStatus status) => status switch
    {
        None => ResourceState.Initial,
        Active => Apply(ResourceState.Initial, Offer()),
        _ => Apply(Apply(ResourceState.Initial, Offer()), new RetireResource { By = Liaison, Reason = "暂停服务。" }),
    };

    public static ResourceCommand Command(ResourceCommandKind kind) => kind switch
    {
        ResourceCommandKind.Offer => Offer(),
        ResourceCommandKind.Edit => new EditResource { By = Liaison, Details = Legal with { Availability = "每月两次" }, ExpectedVersion = 1 },
        _ => new RetireResource { By = Liaison, Reason = "律师调整。" },
    };
}

/// <summary>The resource cycle as a table: every status against every command, from the unit's own liaison.</summary>
public sealed class ResourceTransitionTableTests
{
    public static readonly TheoryData<ResourceStatus, ResourceCommandKind, string> Table = new()
    {
        { None, ResourceCommandKind.Offer, "Active" }, { None, ResourceCommandKind.Edit, "resource_not_found" }, { None, ResourceCommandKind.Retire, "resource_not_found" },
        { Active, ResourceCommandKind.Offer, "resource_exists" }, { Active, ResourceCommandKind.Edit, "Active" }, { Active, ResourceCommandKind.Retire, "Retired" },
        { Retired, ResourceCommandKind.Offer, "resource_exists" }, { Retired, ResourceCommandKind.Edit, "resource_changed" }, { Retired, ResourceCommandKind.Retire, "resource_retired" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Status_and_command_lead_to(ResourceStatus status, ResourceCommandKind kind, string expected)
    {
        var s = ResourceFixture.Given(status);
        Assert.Equal(status, s.Status);
        var verdict = ResourceFixture.Module.Decide(s, ResourceFixture.Command(kind), ResourceFixture.Now);
        var outcome = verdict.IsAccepted ? verdict.Events.Aggregate(s, ResourceFixture.Module.Evolve).Status.ToString() : verdict.Rejection!.Code;
        Assert.Equal(expected, outcome);
        if (!verdict.IsAccepted) Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", verdict.Rejection!.Message);
    }

    [Fact]
    public void Table_covers_every_status_and_command()
    {
        var pairs = Table.Select(row => (row.Data.Item1, row.Data.Item2)).ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.Equal(Enum.GetValues<ResourceStatus>().Length * Enum.GetValues<ResourceCommandKind>().Length, pairs.Count);
    }

    [Fact]
    public void A_retired_entry_without_a_version_is_refused_as_retired()
    {
        var retired = ResourceFixture.Given(Retired);
        Assert.Equal("resource_retired", ResourceFixture.Module.Decide(retired, new EditResource { By = ResourceFixture.Liaison, Details = ResourceFixture.Legal }, ResourceFixture.Now).Rejection?.Code);
    }

    [Fact]
    public void An_edit_from_a_stale_version_is_refused_and_the_current_one_passes()
    {
        var s = ResourceFixture.Apply(ResourceFixture.Given(Active), new EditResource { By = ResourceFixture.Liaison, Details = ResourceFixture.Legal, ExpectedVersion = 1 });
        var stale = ResourceFixture.Module.Decide(s, new EditResource { By = ResourceFixture.Liaison, Details = ResourceFixture.Legal, ExpectedVersion = 1 }, ResourceFixture.Now);
        Assert.Equal(("resource_changed", RejectionKind.Conflict), (stale.Rejection?.Code, stale.Rejection?.Kind));
        Assert.True(ResourceFixture.Module.Decide(s, new RetireResource { By = ResourceFixture.Liaison, Reason = "停", ExpectedVersion = 2 }, ResourceFixture.Now).IsAccepted);
    }

    [Fact]
    public void Another_units_liaison_and_a_dispatcher_are_refused()
    {
        var active = ResourceFixture.Given(Active);
        Assert.Equal("not_own_unit", ResourceFixture.Module.Decide(active, new RetireResource { By = new(ActorRole.Liaison, "other"), Reason = "停" }, ResourceFixture.Now).Rejection?.Code);
        Assert.Equal("role_forbidden", ResourceFixture.Module.Decide(ResourceState.Initial, ResourceFixture.Offer() with { By = new(ActorRole.Dispatcher, "k") }, ResourceFixture.Now).Rejection?.Code);
        Assert.True(ResourceFixture.Module.Decide(active, new RetireResource { By = new(ActorRole.Organizer, "k"), Reason = "停" }, ResourceFixture.Now).IsAccepted);
    }

    public static readonly TheoryData<string, ResourceDetails> BadDetails = new()
    {
        { "capacity_invalid", ResourceFixture.Venue with { Capacity = null } },
        { "capacity_invalid", ResourceFixture.Venue with { Capacity = 0 } },
        { "opening_hours_invalid", ResourceFixture.Venue with { OpeningHours = " " } },
        { "count_invalid", ResourceFixture.Legal with { Kind = ResourceKind.Volunteers } },
        { "venue_fields_invalid", ResourceFixture.Legal with { Capacity = 20 } },
        { "count_invalid", ResourceFixture.Legal with { Count = 3 } },
        { "category_invalid", ResourceFixture.Legal with { Category = "法律服务" } },
        { "title_invalid", ResourceFixture.Legal with { Title = new string('法', ResourceLimits.TitleMax + 1) } },
        { "description_invalid", ResourceFixture.Legal with { Description = new string('法', ResourceLimits.DescriptionMax + 1) } },
        { "availability_invalid", ResourceFixture.Legal with { Availability = "" } },
        { "coverage_invalid", ResourceFixture.Legal with { CommunityIds = ["sanlian", "sanlian"] } },
    };

    [Theory]
    [MemberData(nameof(BadDetails))]
    public void Bad_details_are_refused_as_invalid(string code, ResourceDetails details)
    {
        var verdict = ResourceFixture.Module.Decide(ResourceState.Initial, ResourceFixture.Offer(details), ResourceFixture.Now);
        Assert.Equal((code, RejectionKind.Invalid), (verdict.Rejection?.Code, verdict.Rejection?.Kind));
    }

    [Fact]
    public void Lists_put_an_entry_in_its_unit_street_and_named_communities_with_a_masked_description()
    {
        var s = ResourceFixture.Apply(ResourceState.Initial, ResourceFixture.Offer(ResourceFixture.Legal with { Description = "预约请打 13805381234" }));
        var lists = ResourceFixture.Module.Lists(s)!;
        Assert.Equal(["u-law-firm", "s-caiyuan", "c-dongqili", "c-sanlian"], lists.Partitions);
        Assert.DoesNotContain("13805381234", (string)lists.Fields["Description"]!);
        Assert.False(s.WholeStreet);
        Assert.True(ResourceFixture.Apply(ResourceState.Initial, ResourceFixture.Offer(ResourceFixture.Venue)).WholeStreet);
    }
}
