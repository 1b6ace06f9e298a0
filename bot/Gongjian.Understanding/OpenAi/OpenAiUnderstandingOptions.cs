using Azure.Core;

namespace Gongjian.Understanding.OpenAi;

/// <summary>
/// Where the Azure OpenAI deployment is and how to authenticate. In Azure the app uses its
/// user-assigned managed identity (<see cref="ManagedIdentityClientId"/>), so no key is stored;
/// <see cref="ApiKey"/> is for local runs and tests.
/// </summary>
public sealed class OpenAiUnderstandingOptions
{
    public const string Section = "Understanding:OpenAI";

    /// <summary>e.g. https://my-resource.openai.azure.com/</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The deployment name (not the model name), e.g. "gpt-4o-mini".</summary>
    public string? Deployment { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>The client id of a user-assigned managed identity with the "Cognitive Services OpenAI User" role.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// The Entra audience of token requests: null for the global cloud (<c>https://cognitiveservices.azure.com/.default</c>);
    /// the app sets <c>https://cognitiveservices.azure.cn/.default</c> in the China cloud (from <c>Azure:Cloud</c>).
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>
    /// Any other credential (takes precedence over <see cref="ManagedIdentityClientId"/>). A field: it is set in code, and
    /// the configuration binder (generated, as under Native AOT) binds properties only.
    /// </summary>
    public TokenCredential? Credential;

    /// <summary>A resident waits for the bot's reply: past this the offline answer is used instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>The model's category is kept only when it reports at least this confidence; below, the bot asks.</summary>
    public double MinCategoryConfidence { get; set; } = 0.5;

    public bool IsConfigured =>
        Endpoint is not null && !string.IsNullOrWhiteSpace(Deployment) &&
        (!string.IsNullOrWhiteSpace(ApiKey) || Credential is not null || !string.IsNullOrWhiteSpace(ManagedIdentityClientId));
}
