using System.Text.Json;
using Gongjian.Engine;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Engine;

namespace Gongjian.Functions.Tests.Engine;

/// <summary>
/// Every notice the engine writes, for every event and recipient (resident, unit, dispatcher, organizer),
/// and every reminder: the request summary and the reasons never carry a phone, ID number or room as typed.
/// </summary>
public sealed class NotificationTextPrivacyTests
{
    private const string Reason = "请联系138-0538-1234，身份证370902198001011234，住3号楼2单元301";
    private static readonly string[] Leaks = ["0538", "一三八", "19800101", "2单元301"];

    private static readonly OrderState Order = new()
    {
        Id = "GJ261205-7KQ3MZ", Status = OrderStatus.Accepted, Text = "3号楼2单元301漏水，电话一三八零五三八一二三四",
        Category = "repair", CommunityId = "dongqili", StreetId = "caiyuan", UnitId = "baosheng-property", UnitName = "泰山宝盛置业有限公司",
        Address = "宝盛小区3号楼2单元301", Contact = new Contact("李秀英", "13805381234"), Rating = 5,
        PlacedAt = DateTimeOffset.UnixEpoch, StatusSince = DateTimeOffset.UnixEpoch,
    };

    public static TheoryData<string> EventTypes() =>
    [
        nameof(OrderPlaced), nameof(OrderDispatched), nameof(OrderAccepted), nameof(OrderDeclined), nameof(DispatchWithdrawn),
        nameof(OrderCompleted), nameof(OrderConfirmed), nameof(OrderReopened), nameof(OrderCancelled), nameof(OrderRejected), nameof(OrderEscalated),
    ];

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void A_notice_of_any_event_carries_the_text_and_reason_masked(string type)
    {
        var message = new EventMessage
        {
            Id = "e1", InstanceId = Order.Id, Sequence = 2, Type = type, OccurredAt = DateTimeOffset.UnixEpoch,
            Facts = new()
            {
                ["status"] = JsonSerializer.SerializeToElement("accepted"), ["communityId"] = JsonSerializer.SerializeToElement(Order.CommunityId),
                ["streetId"] = JsonSerializer.SerializeToElement(Order.StreetId), ["unitId"] = JsonSerializer.SerializeToElement(Order.UnitId),
                ["previousUnitId"] = JsonSerializer.SerializeToElement(Order.UnitId), ["reason"] = JsonSerializer.SerializeToElement(Reason),
            },
        };

        var notices = NotificationTexts.For(message, Order, "东七里社区").ToList();

        Assert.NotEmpty(notices);
        foreach (var (_, _, text) in notices) Assert.DoesNotContain(Leaks, leak => text.Contains(leak, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SlaStep.Dispatch)]
    [InlineData(SlaStep.Accept)]
    [InlineData(SlaStep.Complete)]
    public void A_reminder_carries_the_text_masked(SlaStep step)
    {
        var (_, text) = NotificationTexts.Reminder(Order, new Deadline(step, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), "东七里社区");

        Assert.Contains("****", text);
        Assert.DoesNotContain(Leaks, leak => text.Contains(leak, StringComparison.Ordinal));
    }

    [Fact]
    public void The_summary_in_a_card_title_is_masked_before_it_is_cut()
    {
        Assert.Equal("3号楼****漏水，电话138****1…", NotificationTexts.Summary(Order));
    }
}
