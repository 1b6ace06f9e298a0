using System.Net.Http.Headers;
using System.Net.Http.Json;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Auth;

namespace Gongjian.Bot.Connector;

/// <summary>
/// Sends activities through the Bot Connector REST API: a reply goes to
/// <c>{serviceUrl}/v3/conversations/{id}/activities/{replyToId}</c>, a proactive message to
/// <c>{serviceUrl}/v3/conversations/{id}/activities</c>.
/// </summary>
public sealed class ConnectorClient(IHttpClientFactory http, ConnectorTokens tokens)
{
    public const string HttpClientName = "bot-connector";

    public async Task<string?> SendAsync(Activity activity, CancellationToken ct)
    {
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        var url = $"{activity.ServiceUrl!.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (activity.ReplyToId is { Length: > 0 } replyTo) url += "/" + Uri.EscapeDataString(replyTo);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(activity, ActivityJson.Default.Activity),
        };
        if (await tokens.GetAsync(ct) is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Bot Connector answered {(int)response.StatusCode} for {activity.Type} to {activity.ChannelId}.", null, response.StatusCode);
        if (response.Content.Headers.ContentLength == 0) return null;
        try { return (await response.Content.ReadFromJsonAsync(ActivityJson.Default.ResourceResponse, ct))?.Id; }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
