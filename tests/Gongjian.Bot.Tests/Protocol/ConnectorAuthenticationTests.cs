using System.Security.Cryptography;
using System.Text;
using Gongjian.Bot.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gongjian.Bot.Tests.Protocol;

/// <summary>The JWT accept/reject matrix of POST /api/messages, with tokens signed here and keys served by the fake login service.</summary>
public sealed class ConnectorAuthenticationTests(ConnectorRig rig, AzuriteFixture azurite) : IClassFixture<ConnectorRig>
{
    private string ServiceUrl => rig.Connector.BaseUrl;

    public enum Spoil { None, NoHeader, WrongIssuer, WrongAudience, ExpiredLongAgo, ExpiredWithinSkew, OtherKey, ForgedSameKid, Hs256, Unsigned, OtherServiceUrl, NoServiceUrlClaim, Garbage }

    [Theory]
    [InlineData(Spoil.None, 200)]
    [InlineData(Spoil.ExpiredWithinSkew, 200)]
    [InlineData(Spoil.NoHeader, 401)]
    [InlineData(Spoil.WrongIssuer, 401)]
    [InlineData(Spoil.ExpiredLongAgo, 401)]
    [InlineData(Spoil.OtherKey, 401)]
    [InlineData(Spoil.ForgedSameKid, 401)]
    [InlineData(Spoil.Hs256, 401)]
    [InlineData(Spoil.Unsigned, 401)]
    [InlineData(Spoil.Garbage, 401)]
    [InlineData(Spoil.WrongAudience, 403)]
    [InlineData(Spoil.OtherServiceUrl, 403)]
    [InlineData(Spoil.NoServiceUrlClaim, 403)]
    public async Task Bot_connector_token_is_checked(Spoil spoil, int expected)
    {
        var activity = ConnectorRig.Message(ServiceUrl, "你好");
        var response = await rig.PostAsync(activity, TokenFor(spoil));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"{spoil}: expected {expected}, got {(int)response.StatusCode} {body}");
        if (expected != 200)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", body);
        }
        else
        {
            var reply = await rig.ReplyInAsync((string)activity["conversation"]!["id"]!);
            Assert.Contains("共建小助手", (string?)reply.Body["text"]);
        }
    }

    [Fact]
    public async Task Key_endorsed_for_other_channels_is_refused_for_this_one()
    {
        rig.Connector.Endorsements = ["msteams"];
        try
        {
            // New keys are only read on a refresh; a fresh app reads them at first use.
            await using var app = await BotTestApp.StartAsync(azurite, ConnectorRig.Settings(rig.Connector));
            var token = rig.Connector.Token(ConnectorRig.AppId, ServiceUrl);
            var webchat = await Post(app, ConnectorRig.Message(ServiceUrl, "你好", channelId: "webchat"), token);
            Assert.Equal(403, (int)webchat.StatusCode);
            Assert.Contains("channel_not_endorsed", await webchat.Content.ReadAsStringAsync());
            var teams = await Post(app, ConnectorRig.Message(ServiceUrl, "你好", channelId: "msteams"), token);
            Assert.Equal(200, (int)teams.StatusCode);
        }
        finally { rig.Connector.Endorsements = null; }
    }

    private static Task<HttpResponseMessage> Post(BotTestApp app, System.Text.Json.Nodes.JsonObject activity, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", token);
        return app.Http.SendAsync(request);
    }

    private string? TokenFor(Spoil spoil)
    {
        var c = rig.Connector;
        var app = ConnectorRig.AppId;
        return spoil switch
        {
            Spoil.None => c.Token(app, ServiceUrl),
            Spoil.NoHeader => null,
            Spoil.WrongIssuer => c.Token(app, ServiceUrl, issuer: "https://sts.windows.net/evil/"),
            Spoil.WrongAudience => c.Token("someone-elses-bot", ServiceUrl),
            Spoil.ExpiredLongAgo => c.Token(app, ServiceUrl, expiresIn: TimeSpan.FromMinutes(-10)),
            Spoil.ExpiredWithinSkew => c.Token(app, ServiceUrl, expiresIn: TimeSpan.FromMinutes(-2)),
            Spoil.OtherKey => c.Token(app, ServiceUrl, key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "unknown-key" }),
            Spoil.ForgedSameKid => c.Token(app, ServiceUrl, key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" }),
            Spoil.Hs256 => c.Token(app, ServiceUrl, key: new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "test-key-1" }, algorithm: SecurityAlgorithms.HmacSha256),
            Spoil.Unsigned => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = FakeConnector.Issuer, Audience = app, Expires = DateTime.UtcNow.AddMinutes(30),
                Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            }),
            Spoil.OtherServiceUrl => c.Token(app, "https://smba.trafficmanager.net/evil/"),
            Spoil.NoServiceUrlClaim => c.Token(app, ServiceUrl, withServiceUrl: false),
            _ => "not-a-jwt",
        };
    }
}
