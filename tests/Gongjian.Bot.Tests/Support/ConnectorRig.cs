using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Gongjian.Bot.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Bot.Tests.Support;

/// <summary>The app configured as an Azure Bot Service bot (app id, OpenID metadata at the fake connector) and the fake connector itself.</summary>
public sealed class ConnectorRig(AzuriteFixture azurite) : IAsyncLifetime
{
    public const string AppId = "4f0c5b6e-0000-4000-8000-00000000b07a";
    public FakeConnector Connector { get; private set; } = null!;
    public BotTestApp App { get; private set; } = null!;
    public CountingCredential Credential { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Connector = await FakeConnector.StartAsync();
        App = await BotTestApp.StartAsync(azurite, Settings(Connector), services => services.AddKeyedSingleton<TokenCredential>(ConnectorTokens.CredentialKey, Credential));
    }

    public static Dictionary<string, string> Settings(FakeConnector connector) => new()
    {
        ["Bot:AppId"] = AppId,
        ["Bot:OpenIdMetadataUrl"] = connector.MetadataUrl,
    };

    public static JsonObject Message(string serviceUrl, string text, string? conversationId = null, string channelId = "webchat", string? id = null) => new()
    {
        ["type"] = "message", ["id"] = id ?? Guid.NewGuid().ToString("N"), ["channelId"] = channelId, ["serviceUrl"] = serviceUrl,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "李阿姨" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "共建小助手" },
        ["conversation"] = new JsonObject { ["id"] = conversationId ?? "conv-" + Guid.NewGuid().ToString("N")[..10] },
        ["text"] = text, ["locale"] = "zh-CN", ["someFutureField"] = new JsonObject { ["x"] = 1 },
    };

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token) => PostRawAsync(activity.ToJsonString(), token);

    public Task<HttpResponseMessage> PostRawAsync(string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return App.Http.SendAsync(request);
    }

    /// <summary>Waits until the fake connector received an activity for this conversation.</summary>
    public async Task<FakeConnector.Received> ReplyInAsync(string conversationId, Func<FakeConnector.Received, bool>? match = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60); // a hang guard, generous for a loaded 2-core machine
        while (DateTime.UtcNow < deadline)
        {
            var found = Connector.Activities.FirstOrDefault(r => r.Path.Contains(conversationId) && (string?)r.Body["type"] == "message" && (match?.Invoke(r) ?? true));
            if (found is not null) return found;
            await Task.Delay(30);
        }
        throw new TimeoutException($"The fake connector received no reply in {conversationId}.");
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
