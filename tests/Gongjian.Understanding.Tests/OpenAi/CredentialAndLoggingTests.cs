using Azure.Core;
using Gongjian.Understanding.OpenAi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gongjian.Understanding.Tests.OpenAi;

/// <summary>Managed-identity style auth reaches the service as a bearer token; logs never carry what the resident wrote.</summary>
public sealed class CredentialAndLoggingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_credential_sends_a_bearer_token_for_cognitive_services_and_no_key()
    {
        await using var fake = await FakeAzureOpenAi.StartAsync((_, _) => Task.FromResult(FakeAzureOpenAi.Completion(ModelAnswers.Good().ToJsonString())));
        var credential = new FixedCredential();
        var reader = new OpenAiWishUnderstanding(new() { Endpoint = fake.Endpoint, Deployment = "d", Credential = credential });

        var fields = await reader.UnderstandAsync(ModelAnswers.Text, Communities.Caiyuan, Ct);

        Assert.Equal("openai", fields.Source);
        var request = Assert.Single(fake.Requests);
        Assert.Equal(("Bearer fake-token", null), (request.Authorization, request.ApiKey));
        Assert.Contains("https://cognitiveservices.azure.com/.default", credential.Scopes);
    }

    [Fact]
    public void Options_without_a_credential_are_refused_and_the_factory_then_stays_offline()
    {
        var options = new OpenAiUnderstandingOptions { Endpoint = new Uri("http://127.0.0.1:1/"), Deployment = "d" };
        Assert.False(options.IsConfigured);
        Assert.Throws<ArgumentException>(() => new OpenAiWishUnderstanding(options));
        Assert.IsType<OfflineWishUnderstanding>(WishUnderstandingFactory.Create(options));
        Assert.IsType<OfflineWishUnderstanding>(WishUnderstandingFactory.Create(null));
        Assert.IsType<OpenAiWishUnderstanding>(WishUnderstandingFactory.Create(new() { Endpoint = options.Endpoint, Deployment = "d", ApiKey = "k" }));
    }

    [Fact]
    public async Task Logs_say_what_happened_but_never_the_text_or_the_phone()
    {
        await using var fake = await FakeAzureOpenAi.StartAsync((_, _) => Task.FromResult(Results.StatusCode(500)));
        var log = new RecordingLogger();
        var reader = new OpenAiWishUnderstanding(new() { Endpoint = fake.Endpoint, Deployment = "d", ApiKey = "k" }, logger: log);

        await reader.UnderstandAsync(ModelAnswers.Text, Communities.Caiyuan, Ct);

        var line = Assert.Single(log.Lines);
        Assert.Contains("http 500", line);
        Assert.DoesNotContain("13805381234", line);
        Assert.DoesNotContain("下水道", line);
    }

    private sealed class FixedCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext context, CancellationToken ct)
        {
            Scopes.AddRange(context.Scopes);
            return new AccessToken("fake-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext context, CancellationToken ct) => new(GetToken(context, ct));
    }

    private sealed class RecordingLogger : ILogger<OpenAiWishUnderstanding>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add($"{level}: {formatter(state, exception)} {exception}");
    }
}
