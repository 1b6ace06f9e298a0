using Gongjian.Understanding.OpenAi;

namespace Gongjian.Understanding.Tests.OpenAi;

/// <summary>A model reader pointed at a fake server, with the key and deployment the fake expects.</summary>
internal static class OpenAiRig
{
    public const string Deployment = "wish-reader";
    public const string Key = "test-key-123";

    /// <summary>Far above any answer time of the local fake, so only the timeout test ever sees a timeout, however loaded the machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static OpenAiWishUnderstanding Reader(FakeAzureOpenAi fake, TimeSpan? timeout = null) =>
        new(new OpenAiUnderstandingOptions { Endpoint = fake.Endpoint, Deployment = Deployment, ApiKey = Key, Timeout = timeout ?? DefaultTimeout });

    public static Task<FakeAzureOpenAi> Answering(string content) =>
        FakeAzureOpenAi.StartAsync((_, _) => Task.FromResult(FakeAzureOpenAi.Completion(content)));
}
