using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Gongjian.Bot.Tests.Support;
using Microsoft.IdentityModel.Tokens;

namespace Gongjian.Bot.Tests.Protocol;

/// <summary>
/// The Connector's token check in the app as it is launched in production — a process of its own, the test build or, with
/// <c>GONGJIAN_APP</c>, a published package such as the Native AOT build (<c>scripts/aot-check</c>): the OpenID metadata
/// and keys fetched from the (fake) login service, a token it signed accepted; a missing or forged one refused
/// with 401, one for another bot or another service URL with 403.
/// Replies are not followed here (the process has no way to obtain an outbound token without Entra); in-process tests
/// (<see cref="ConnectorConversationTests"/>, <see cref="ConnectorAuthenticationTests"/>) cover them.
/// </summary>
public sealed class ConnectorTokenProcessTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FakeConnector _connector = null!;

    public async ValueTask InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_connector is not null) await _connector.DisposeAsync();
    }

    [Fact]
    public async Task The_app_process_accepts_the_connectors_token_and_refuses_a_missing_forged_or_misaddressed_one_as_in_process()
    {
        var env = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage__Prefix"] = "c" + Guid.NewGuid().ToString("N")[..12],
            ["Bot__AppId"] = ConnectorRig.AppId,
            ["Bot__AppPassword"] = "not-used-by-this-test",
            ["Bot__OpenIdMetadataUrl"] = _connector.MetadataUrl,
        };
        await AppProcess.RunVerbAsync(env, "setup");
        await using var app = await AppProcess.StartAsync(env);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var serviceUrl = _connector.BaseUrl;

        async Task<int> PostAsync(string? token)
        {
            var body = ConnectorRig.Message(serviceUrl, "你好").ToJsonString();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            return (int)response.StatusCode;
        }

        var otherKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" };
        Assert.Equal(401, await PostAsync(null));
        Assert.Equal(401, await PostAsync(_connector.Token(ConnectorRig.AppId, serviceUrl, key: otherKey)));
        Assert.Equal(401, await PostAsync(_connector.Token(ConnectorRig.AppId, serviceUrl, issuer: "https://login.example.com")));
        Assert.Equal(403, await PostAsync(_connector.Token("another-bot", serviceUrl)));
        Assert.Equal(403, await PostAsync(_connector.Token(ConnectorRig.AppId, "https://elsewhere.example.com/")));
        Assert.Equal(200, await PostAsync(_connector.Token(ConnectorRig.AppId, serviceUrl)));
        Assert.True(_connector.MetadataRequests > 0, "the app never asked the login service for its metadata");
    }
}
