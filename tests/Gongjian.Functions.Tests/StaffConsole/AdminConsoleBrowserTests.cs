using System.Text.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// The admin's console in real Chromium against the real app and Azurite: 单位管理 (add, edit, retire), 密钥管理
/// (a liaison key shown once, signed in in a second browser, revoked: that browser loses its session on its next
/// request), and a retired unit gone from a dispatcher's suggestions. Screenshots: admin-units, admin-key-created, admin-keys.
/// </summary>
public sealed class AdminConsoleBrowserTests(AzuriteFixture azurite) : ConsoleBrowserTest(azurite)
{
    private async Task<string[]> SuggestedAsync(string orderId, string dispatcher) =>
        (await (await App.GetAsync($"/api/orders/{orderId}/suggestions", dispatcher)).ReadJsonAsync(200))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("unitId").GetString()!).ToArray();

    /// <summary>Waits until no drawer is open or closing: a click meant for the page must not land in a drawer on its way out.</summary>
    private static Task DrawerClosedAsync(IPage page) =>
        page.Locator(".ant-drawer-content-wrapper:visible").WaitForAsync(new() { State = WaitForSelectorState.Detached });

    /// <summary>A screenshot once the toasts are gone and the dialogs closed, as a person would look at the page.</summary>
    private static async Task ShootSettledAsync(IPage page, string name)
    {
        await page.WaitForFunctionAsync("() => !document.querySelector('.ant-message-notice') && " +
            "![...document.querySelectorAll('.ant-modal-wrap')].some(w => getComputedStyle(w).display !== 'none')");
        await ConsoleBrowser.ShootAsync(page, name);
    }

    [Fact]
    public async Task Admin_manages_a_unit_and_its_liaison_key_end_to_end()
    {
        var admin = await SignedInAsync(await App.KeyAsync(ActorRole.Admin, "", "系统管理员"));
        await admin.GetByRole(AriaRole.Heading, new() { Name = "单位管理" }).WaitForAsync();
        Assert.EndsWith("/console/admin/units", admin.Url);

        // Add a unit.
        await admin.GetByTestId("add-unit").ClickAsync();
        await admin.GetByTestId("unit-id").FillAsync("taishan-water");
        await admin.GetByTestId("unit-name").FillAsync("泰安水务集团");
        await ConsoleBrowser.PickAsync(admin, "unit-categories", "设施维修", admin.Locator(".ant-drawer-title"));
        await ConsoleBrowser.PickAsync(admin, "unit-communities", "东七里社区", admin.Locator(".ant-drawer-title"));
        await admin.GetByTestId("save-unit").ClickAsync();
        var row = admin.Locator("tr", new() { HasText = "taishan-water" });
        await row.GetByText("泰安水务集团").WaitForAsync();
        await DrawerClosedAsync(admin);

        // Edit it: the drawer opens once the unit is read (typing before that would be overwritten by what was read).
        await admin.GetByTestId("edit-taishan-water").ClickAsync();
        await admin.Locator(".ant-drawer-title", new() { HasText = "编辑：泰安水务集团" }).WaitForAsync();
        await admin.WaitForFunctionAsync("() => document.querySelector('[data-testid=unit-name]')?.value === '泰安水务集团'");
        await admin.GetByTestId("unit-name").FillAsync("泰安市水务集团有限公司");
        await admin.GetByTestId("save-unit").ClickAsync();
        await row.GetByText("泰安市水务集团有限公司").WaitForAsync();
        var stored = await (await App.GetAsync("/api/units")).ReadJsonAsync(200);
        Assert.Contains(stored.EnumerateArray(), u => u.GetProperty("id").GetString() == "taishan-water" && u.GetProperty("name").GetString() == "泰安市水务集团有限公司");
        await ShootSettledAsync(admin, "admin-units");

        // A liaison key for it, shown once.
        await admin.GetByTestId("menu").GetByText("密钥管理").ClickAsync();
        await admin.GetByRole(AriaRole.Heading, new() { Name = "密钥管理" }).WaitForAsync();
        await admin.GetByTestId("add-key").ClickAsync();
        await ConsoleBrowser.PickAsync(admin, "key-scope", "泰安市水务集团有限公司");
        await admin.GetByTestId("key-name").FillAsync("水务联络员");
        await admin.Locator("#create-key").ClickAsync();
        var key = await admin.GetByTestId("new-key").InputValueAsync();
        Assert.StartsWith("gjk_", key);
        await admin.GetByText("密钥只显示这一次").WaitForAsync();
        await admin.WaitForFunctionAsync("() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter, .ant-message-notice')"); // the dialog fully open
        await ConsoleBrowser.ShootAsync(admin, "admin-key-created");
        await admin.GetByTestId("key-done").ClickAsync();
        await admin.GetByTestId("new-key").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var keyRow = admin.Locator("tr", new() { HasText = "水务联络员" });
        await keyRow.GetByText("泰安市水务集团有限公司").WaitForAsync();
        Assert.DoesNotContain(key, await admin.ContentAsync()); // closed: the key is nowhere in the page any more
        await ShootSettledAsync(admin, "admin-keys");

        // The liaison signs in with it in a browser of its own.
        var liaison = await SignedInAsync(key);
        Assert.Contains("泰安市水务集团有限公司", await liaison.GetByTestId("who").InnerTextAsync());

        // Revoked: the liaison's browser is signed out on its next request.
        await keyRow.GetByRole(AriaRole.Button, new() { Name = "吊销" }).ClickAsync();
        await admin.Locator(".ant-popconfirm").GetByRole(AriaRole.Button, new() { Name = "吊销" }).ClickAsync();
        await keyRow.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await liaison.ReloadAsync();
        await liaison.GetByPlaceholder("gjk_…").WaitForAsync();
        await liaison.GetByText("密钥已吊销").WaitForAsync();

        // Retire the unit: a dispatcher is no longer offered it.
        var dispatcher = await App.DispatcherAsync();
        var (orderId, _) = await App.PlaceAsync();
        Assert.Contains("taishan-water", await SuggestedAsync(orderId, dispatcher));
        await admin.GetByTestId("menu").GetByText("单位管理").ClickAsync();
        await admin.GetByTestId("retire-taishan-water").ClickAsync();
        await admin.GetByTestId("retire-reason").FillAsync("单位合并，不再参与共建");
        await admin.Locator("#confirm-retire").ClickAsync();
        await row.GetByTestId("retired-tag").WaitForAsync();
        Assert.DoesNotContain("taishan-water", await SuggestedAsync(orderId, dispatcher));
        await ShootSettledAsync(admin, "admin-units-retired");

        Assert.Empty(Browser.Complaints);
    }
}
