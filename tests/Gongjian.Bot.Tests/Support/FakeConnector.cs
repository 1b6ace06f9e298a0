using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gongjian.Bot.Tests.Support;

/// <summary>
/// A local stand-in for the Bot Connector and its login service, on real Kestrel: an OpenID metadata
/// document and signing keys (an RSA key made here), the Connector's activities endpoints that record
/// what the bot sent, files to download as attachments, and a group-robot webhook.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key-1" };

    public sealed record Received(string Path, string? Authorization, JsonObject Body);

    public ConcurrentQueue<Received> Activities { get; } = new();
    public ConcurrentQueue<JsonObject> Webhooks { get; } = new();
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();
    public string[]? Endorsements { get; set; }

    /// <summary>While set and not completed, the group-robot webhook keeps every request waiting.</summary>
    public TaskCompletionSource? HoldWebhooks { get; set; }
    public int MetadataRequests;
    public string BaseUrl { get; }
    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    private FakeConnector(WebApplication app, string baseUrl) { _app = app; BaseUrl = baseUrl; }

    public static async Task<FakeConnector> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeConnector(app, $"http://127.0.0.1:{port}");
        app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref fake.MetadataRequests);
            return Results.Text(new JsonObject
            {
                ["issuer"] = Issuer, ["jwks_uri"] = fake.BaseUrl + "/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            }.ToJsonString(), "application/json");
        });
        app.MapGet("/keys", () => Results.Text(fake.Jwks().ToJsonString(), "application/json"));
        app.MapPost("/v3/conversations/{**rest}", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            fake.Activities.Enqueue(new Received(context.Request.Path, context.Request.Headers.Authorization.ToString(), body));
            return Results.Json(new { id = "sent-" + fake.Activities.Count });
        });
        app.MapGet("/files/{name}", (string name) => fake.Files.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "image/png") : Results.NotFound());
        app.MapPost("/webhook", async (HttpContext context) =>
        {
            if (fake.HoldWebhooks is { } held) await held.Task.WaitAsync(context.RequestAborted); // a group robot that does not answer (until released)
            fake.Webhooks.Enqueue((await JsonNode.ParseAsync(context.Request.Body))!.AsObject());
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        await app.StartAsync();
        return fake;
    }

    private JsonObject Jwks()
    {
        var parameters = _key.Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA", ["use"] = "sig", ["kid"] = _key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is { } endorsed) jwk["endorsements"] = new JsonArray([.. endorsed.Select(e => (JsonNode)e)]);
        return new JsonObject { ["keys"] = new JsonArray(jwk) };
    }

    /// <summary>A Bot Connector token as the real service would sign it; every part can be spoiled for the reject matrix.</summary>
    public string Token(string audience, string serviceUrl, string issuer = Issuer, TimeSpan? expiresIn = null, SecurityKey? key = null,
        string algorithm = SecurityAlgorithms.RsaSha256, bool withServiceUrl = true)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(30));
        var claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl };
        if (!withServiceUrl) claims.Clear();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = audience, Claims = claims,
            NotBefore = expires < now ? expires.AddHours(-1) : now.AddMinutes(-1), IssuedAt = expires < now ? expires.AddHours(-1) : now, Expires = expires,
            SigningCredentials = new SigningCredentials(key ?? _key, algorithm),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
