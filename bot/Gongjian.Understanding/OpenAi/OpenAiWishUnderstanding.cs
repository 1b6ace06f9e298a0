using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using Azure.AI.OpenAI;
using Azure.Identity;
using Gongjian.Understanding.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI.Chat;

namespace Gongjian.Understanding.OpenAi;

/// <summary>
/// Asks an Azure OpenAI chat deployment to read the wish into a strict JSON schema, checks the
/// answer, and falls back to <see cref="OfflineWishUnderstanding"/> when the call fails, is slow or
/// says something invalid — the resident always gets an answer within the timeout. Logs record
/// only the outcome and timing, never the resident's text or phone.
/// </summary>
public sealed partial class OpenAiWishUnderstanding : IWishUnderstanding
{
    private readonly ChatClient _chat;
    private readonly OpenAiUnderstandingOptions _options;
    private readonly OfflineWishUnderstanding _offline;
    private readonly ILogger _logger;

    public OpenAiWishUnderstanding(OpenAiUnderstandingOptions options, OfflineWishUnderstanding? offline = null, ILogger<OpenAiWishUnderstanding>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Endpoint is null || string.IsNullOrWhiteSpace(options.Deployment))
            throw new ArgumentException("Set Understanding:OpenAI:Endpoint and Deployment, or use OfflineWishUnderstanding.", nameof(options));
        _options = options;
        _offline = offline ?? new OfflineWishUnderstanding();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _chat = CreateClient(options).GetChatClient(options.Deployment);
    }

    public async Task<WishFields> UnderstandAsync(string text, IReadOnlyList<KnownCommunity> communities, CancellationToken ct)
    {
        communities ??= [];
        var prepared = ResidentText.Prepare(text);
        // Nothing a model could read: do not spend a call (or the resident's time) on it.
        if (!ResidentText.LooksLikeChinese(prepared)) return _offline.Understand(prepared, communities);

        var clock = Stopwatch.StartNew();
        string reason;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.Timeout);
            ChatMessage[] messages = [new SystemChatMessage(WishPrompt.System(communities)), new UserChatMessage(prepared)];
            var completion = await _chat.CompleteChatAsync(messages, RequestOptions(communities), timeout.Token).ConfigureAwait(false);
            var content = completion.Value.Content.Count > 0 ? completion.Value.Content[0].Text : null;
            if (ModelAnswer.Read(content, prepared, communities, _options.MinCategoryConfidence, out reason) is { } fields)
            {
                LogAnswered(_logger, clock.ElapsedMilliseconds);
                return fields;
            }
        }
        catch (OperationCanceledException) { reason = ct.IsCancellationRequested ? "cancelled" : "timeout"; }
        catch (ClientResultException e) { reason = $"http {e.Status}"; }
        catch (Exception e) { reason = e.GetType().Name; } // a transport or SDK failure must not reach the resident

        LogFellBack(_logger, reason, clock.ElapsedMilliseconds);
        return _offline.Understand(prepared, communities) with { FallbackReason = reason };
    }

    private static ChatCompletionOptions RequestOptions(IReadOnlyList<KnownCommunity> communities) => new()
    {
        Temperature = 0f,
        MaxOutputTokenCount = 400,
        ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(WishPrompt.SchemaName, WishPrompt.Schema(communities), jsonSchemaIsStrict: true),
    };

    private static AzureOpenAIClient CreateClient(OpenAiUnderstandingOptions o)
    {
        var clientOptions = new AzureOpenAIClientOptions
        {
            // Retrying a 429 or 500 would outlast the timeout anyway; the offline answer is the retry.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = o.Timeout,
        };
        if (o.Audience is { Length: > 0 } audience) clientOptions.Audience = new AzureOpenAIAudience(audience);
        if (!string.IsNullOrWhiteSpace(o.ApiKey)) return new AzureOpenAIClient(o.Endpoint, new ApiKeyCredential(o.ApiKey), clientOptions);
        if (o.Credential is not null) return new AzureOpenAIClient(o.Endpoint, o.Credential, clientOptions);
        if (!string.IsNullOrWhiteSpace(o.ManagedIdentityClientId))
            return new AzureOpenAIClient(o.Endpoint, new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.ManagedIdentityClientId)), clientOptions);
        throw new ArgumentException("Set Understanding:OpenAI:ApiKey, Credential or ManagedIdentityClientId.", nameof(o));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wish understood by the model in {ElapsedMs} ms")]
    private static partial void LogAnswered(ILogger logger, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wish understanding fell back to offline: {Reason} after {ElapsedMs} ms")]
    private static partial void LogFellBack(ILogger logger, string reason, long elapsedMs);
}
