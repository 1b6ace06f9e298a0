using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Reliability;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Engine;

/// <summary>
/// Notices reach group chats and phones: the unit's 新工单 card (its title and text) carries the request
/// with the phone, ID number and room masked, though the unit will read them whole once it accepts.
/// </summary>
public sealed class NotificationPrivacyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_unit_s_dispatch_notice_carries_the_text_masked()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        await using var app = await EngineRig.StartWithTriggersAsync(azurite, $"--Bot:UnitWebhooks:baosheng-property={webhook.Url}");
        var dispatcher = await app.DispatcherAsync();
        var (id, _) = await app.PlaceAsync(TestApp.NewOrder("2单元502室漏水，电话一三八零五三八一二三四，身份证370902198001011234"));
        await app.DispatchAsync(id, dispatcher);

        // Delivery runs on the queue triggers: wait for the notice, however long a loaded machine takes.
        string? notice = null;
        for (var waited = 0; waited < 600 && notice is null; waited++)
        {
            notice = webhook.Messages.FirstOrDefault(m => m.Contains(id));
            if (notice is null) await Task.Delay(200);
        }

        Assert.NotNull(notice);
        Assert.Contains("****漏水，电话138****1234", notice);
        Assert.DoesNotContain("一三八零五三八", notice);
        Assert.DoesNotContain("502室", notice);
        Assert.DoesNotContain("19800101", notice);
    }
}
