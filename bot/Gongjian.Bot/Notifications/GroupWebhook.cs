using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongjian.Bot.Notifications;

/// <summary>
/// A group-robot webhook (WeCom 企业微信 or DingTalk 钉钉): a unit's (<c>Bot:UnitWebhooks:{unitId}</c>), a
/// community's staff group (<c>Bot:CommunityWebhooks:{communityId}</c>) or a street's (<c>Bot:StreetWebhooks:{streetId}</c>). WeCom takes <c>{"msgtype":"markdown","markdown":{"content":…}}</c>;
/// DingTalk (host <c>oapi.dingtalk.com</c>) takes <c>{"msgtype":"markdown","markdown":{"title":…,"text":…}}</c>.
/// </summary>
public sealed class GroupWebhook(IHttpClientFactory http)
{
    public const string HttpClientName = "bot-webhook";

    public async Task PostAsync(string url, string title, string markdown, CancellationToken ct)
    {
        var uri = new Uri(url);
        var body = uri.Host.EndsWith("dingtalk.com", StringComparison.OrdinalIgnoreCase)
            ? new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["title"] = title, ["text"] = markdown } }
            : new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = markdown } };
        using var response = await http.CreateClient(HttpClientName).PostAsync(uri, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), ct);
        response.EnsureSuccessStatusCode();
        // Both robots answer 200 with {"errcode":0,"errmsg":"ok"}; anything else is a failure worth a retry.
        var answer = await response.Content.ReadAsStringAsync(ct);
        JsonNode? parsed;
        try { parsed = answer.Length > 0 ? JsonNode.Parse(answer) : null; }
        catch (JsonException) { return; }
        if (parsed is JsonObject o && o["errcode"] is JsonValue code && code.GetValueKind() == JsonValueKind.Number && (int)code != 0)
            throw new HttpRequestException($"Group webhook refused the message: errcode {(int)code}.");
    }

    /// <summary>The markdown a group reads; <paramref name="footer"/> says where to act (the chat for a unit, the console for staff).</summary>
    public static string Markdown(Notification n, string heading, string footer = "请在共建小助手中处理。")
    {
        var lines = new List<string> { $"### {heading}", n.Text };
        if (n.OrderId is { } id) lines.Add($"> 工单号：{id}");
        if (n.DueAt is { } due) lines.Add($"> 期限：{Conversations.Resident.ResidentTexts.Local(due)}");
        lines.Add(footer);
        return string.Join("\n", lines);
    }
}
