using Gongjian.Functions.Tests.Support;
using static Gongjian.Functions.Tests.Wishes.WishClient;

namespace Gongjian.Functions.Tests.Wishes;

/// <summary>
/// A wish's contacts are audited exactly as an order's (Azurite): <c>?contact=masked</c> hides and records nothing; each unmasked
/// answer to the community's dispatcher — a read or a command — leaves one row; others never see them; who may read the audit.
/// </summary>
public sealed class WishContactViewTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Masked_until_asked_every_unmasked_answer_recorded_and_the_audit_only_for_staff_in_scope()
    {
        var dispatcher = await _app.DispatcherAsync();
        var organizer = await _app.OrganizerAsync();
        var (id, _) = await SubmitAsync(_app);
        async Task<int> ViewsAsync(string key = "") =>
            (await (await _app.GetAsync($"/api/wishes/{id}/contact-views", key.Length > 0 ? key : dispatcher)).ReadJsonAsync(200)).GetProperty("items").GetArrayLength();

        var masked = await (await _app.GetAsync($"/api/wishes/{id}?contact=masked", dispatcher)).ReadJsonAsync(200);
        Assert.Equal((false, true), (masked.GetProperty("contactVisible").GetBoolean(), masked.GetProperty("contactWithheld").GetBoolean()));
        Assert.NotEqual(ResidentPhone, masked.GetProperty("contact").GetProperty("phone").GetString());
        Assert.NotEqual(ResidentName, masked.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal(0, await ViewsAsync());

        var shown = await (await _app.GetAsync($"/api/wishes/{id}", dispatcher)).ReadJsonAsync(200);
        Assert.True(shown.GetProperty("contactVisible").GetBoolean());
        Assert.Equal((ResidentName, ResidentPhone), (shown.GetProperty("contact").GetProperty("name").GetString(), shown.GetProperty("contact").GetProperty("phone").GetString()));
        var views = await (await _app.GetAsync($"/api/wishes/{id}/contact-views", organizer)).ReadJsonAsync(200);
        Assert.Equal(id, views.GetProperty("wishId").GetString());
        var row = Assert.Single(views.GetProperty("items").EnumerateArray());
        Assert.Equal(("dispatcher", "东七里社区派单员", "api"), (row.GetProperty("role").GetString(), row.GetProperty("name").GetString(), row.GetProperty("via").GetString()));
        Assert.DoesNotContain(ResidentPhone, views.GetRawText());

        // The organizer reads the wish with the contact masked and leaves no row: only the dispatcher sees it.
        var organizers = await (await _app.GetAsync($"/api/wishes/{id}", organizer)).ReadJsonAsync(200);
        Assert.Equal((false, false), (organizers.GetProperty("contactVisible").GetBoolean(), organizers.GetProperty("contactWithheld").GetBoolean()));
        Assert.DoesNotContain(ResidentPhone, organizers.GetRawText());
        Assert.DoesNotContain(ResidentName, organizers.GetRawText());
        Assert.Equal(1, await ViewsAsync());

        // Commands answer the same way: masked when asked, recorded when not.
        var published = await (await PostAsync(_app, $"/api/wishes/{id}/publish?contact=masked", new { publicText = "小朋友想要一个新书包。" }, dispatcher)).ReadJsonAsync(200);
        Assert.True(published.GetProperty("contactWithheld").GetBoolean());
        Assert.Equal(1, await ViewsAsync());
        await (await PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "partyMember", name = PersonName, phone = PersonPhone }, dispatcher)).ReadJsonAsync(200);
        Assert.Equal(2, await ViewsAsync());

        // A bad ?contact= is refused before the command runs.
        await (await PostAsync(_app, $"/api/wishes/{id}/release?contact=all", null, dispatcher)).ShouldBeProblemAsync(400, "invalid_contact");
        Assert.Equal("claimed", (await (await _app.GetAsync($"/api/wishes/{id}?contact=masked", dispatcher)).ReadJsonAsync(200)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_audit_is_refused_to_units_other_communities_and_the_public()
    {
        var (id, _) = await SubmitAsync(_app);
        await (await _app.GetAsync($"/api/wishes/{id}/contact-views", await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.GetAsync($"/api/wishes/{id}/contact-views", await _app.DispatcherAsync("sanlian"))).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync($"/api/wishes/{id}/contact-views", await _app.OrganizerAsync("xinhua"))).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync($"/api/wishes/{id}/contact-views")).ShouldBeProblemAsync(401, "authentication_required");
        await (await _app.GetAsync("/api/wishes/WX261205-ZZZZZZ/contact-views", await _app.DispatcherAsync())).ShouldBeProblemAsync(404, "wish_not_found");
        await (await _app.GetAsync($"/api/wishes/{id}?contact=everything", await _app.DispatcherAsync())).ShouldBeProblemAsync(400, "invalid_contact");
    }
}
