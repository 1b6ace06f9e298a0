using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gongjian.WeChatSim;

/// <summary>What a WeCom member saw or did, in order: a text message, a template card, a card's update, or what the member sent.</summary>
public sealed record WeComReceived(string UserId, string Kind, string Text, string? TaskId = null, JsonObject? Card = null)
{
    public const string Message = "text";
    public const string TemplateCard = "card";
    public const string CardUpdate = "update";
    /// <summary>What the member sent or tapped (kept for transcripts; not part of <see cref="WeComSimulator.Inbox"/>).</summary>
    public const string Member = "member";
}

/// <summary>
/// A local WeCom: the API side of a self-built app (<c>/cgi-bin/gettoken</c>, <c>/cgi-bin/message/send</c> with text and
/// template cards, <c>/cgi-bin/message/update_template_card</c> with the single-use response codes of sent cards and of taps,
/// <c>/cgi-bin/media/get</c>) with WeCom's error codes, and the members' side (<see cref="TextAsync"/> and friends: signed,
/// encrypted XML posted to the callback URL). Everything a member receives is kept in <see cref="Inbox"/>.
/// </summary>
public sealed partial class WeComSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, byte[]> _media = new();
    private readonly SimInbox<WeComReceived> _inbox = new(r => r.UserId, r => r.Kind == WeComReceived.Member, "member");
    private readonly Dictionary<string, (string UserId, JsonObject Card)> _cards = [];
    /// <summary>Response codes handed out with sent cards and with taps and not used yet, with the card they update.</summary>
    private readonly Dictionary<string, string> _responseCodes = [];
    private readonly SimAccessToken _token = new("wwtok_");

    public WeComSettings Settings { get; }
    /// <summary>The API base the app is configured with (<c>WeCom:ApiBaseUrl</c>).</summary>
    public Uri BaseAddress { get; }
    /// <summary>The app's callback URL (接收消息服务器 URL), e.g. <c>http://127.0.0.1:7071/api/wecom</c>.</summary>
    public Uri? ServerUrl { get; set; }
    public int TokenRequests => _token.Requests;

    private WeComSimulator(WebApplication app, WeComSettings settings, Uri baseAddress)
    {
        _app = app;
        Settings = settings;
        BaseAddress = baseAddress;
    }

    public static async Task<WeComSimulator> StartAsync(WeComSettings settings)
    {
        WeComSimulator? sim = null;
        var (app, address) = await SimHost.StartAsync(settings.Port, routes =>
        {
            routes.MapGet("/cgi-bin/gettoken", (string? corpid, string? corpsecret) => sim!.IssueToken(corpid, corpsecret));
            routes.MapPost("/cgi-bin/message/send", (string? access_token, JsonObject body) => sim!.Send(access_token, body));
            routes.MapPost("/cgi-bin/message/update_template_card", (string? access_token, JsonObject body) => sim!.UpdateCard(access_token, body));
            routes.MapGet("/cgi-bin/media/get", (string? access_token, string? media_id) => sim!.GetMedia(access_token, media_id));
            MapMemberApi(routes, () => sim!);
        });
        sim = new WeComSimulator(app, settings, address);
        return sim;
    }

    /// <summary>The current access token stops working (as at expiry): the next API call answers 42001.</summary>
    public void ExpireToken() => _token.Expire();

    public IReadOnlyList<WeComReceived> Inbox(string userId) => _inbox.Received(userId);

    /// <summary>Both sides, in order: what the member sent and what they received.</summary>
    public IReadOnlyList<WeComReceived> Conversation(string userId) => _inbox.Conversation(userId);

    /// <summary>Waits until the member's inbox satisfies <paramref name="condition"/> (every change wakes it), up to <paramref name="timeout"/>.</summary>
    public Task<IReadOnlyList<WeComReceived>> WaitForAsync(string userId, Func<IReadOnlyList<WeComReceived>, bool> condition, TimeSpan? timeout = null) =>
        _inbox.WaitForAsync(userId, condition, r => $"[{r.Kind}] {r.Text}", timeout);

    private void Add(WeComReceived received) => _inbox.Add(received);

    private IResult IssueToken(string? corpId, string? secret)
    {
        _token.CountRequest();
        if (corpId != Settings.CorpId) return Error(40013, "invalid corpid");
        if (secret != Settings.Secret) return Error(40001, "invalid secret");
        return Results.Json(new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["access_token"] = _token.Issue(), ["expires_in"] = 7200 });
    }

    private int? TokenProblem(string? token) => _token.Check(token) switch
    {
        SimTokenCheck.Missing => 41001,
        SimTokenCheck.Wrong => 40014,
        SimTokenCheck.Expired => 42001,
        _ => null,
    };

    private IResult Send(string? token, JsonObject body)
    {
        if (TokenProblem(token) is { } problem) return Error(problem, "access_token invalid or expired");
        if (body["agentid"]?.ToString() != Settings.AgentId) return Error(40056, "invalid agentid");
        if ((string?)body["touser"] is not { Length: > 0 } userId || userId.Contains('|')) return Error(40003, "invalid userid");
        var content = body["text"] is JsonObject text ? (string?)text["content"] : null;
        switch ((string?)body["msgtype"])
        {
            case "text" when content is { Length: > 0 }:
                Add(new WeComReceived(userId, WeComReceived.Message, content));
                return Error(0, "ok");
            case "template_card" when body["template_card"] is JsonObject card:
                if ((string?)card["card_type"] != "button_interaction") return Error(40058, "template_card.card_type invalid");
                if ((string?)card["task_id"] is not { Length: > 0 and <= 128 } taskId) return Error(40058, "template_card.task_id missing");
                if (card["button_list"] is not JsonArray { Count: > 0 and <= 6 } buttons || buttons.Any(b => ((string?)b?["key"])?.Length is null or 0 or > 1024))
                    return Error(40058, "template_card.button_list invalid");
                if (((string?)card["main_title"]?["title"])?.Length is null or 0) return Error(40058, "template_card.main_title missing");
                lock (_gate)
                {
                    if (_cards.ContainsKey(taskId)) return Error(40059, "task_id already exists");
                    _cards[taskId] = (userId, (JsonObject)card.DeepClone());
                }
                Add(new WeComReceived(userId, WeComReceived.TemplateCard, Describe(card), taskId, (JsonObject)card.DeepClone()));
                // A card that calls back comes with its own single-use response code (the app may update it once without a tap).
                var responseCode = "rc_" + Guid.NewGuid().ToString("N");
                lock (_gate) _responseCodes[responseCode] = taskId;
                return Results.Json(new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["msgid"] = "msg_" + Guid.NewGuid().ToString("N"), ["response_code"] = responseCode });
            default:
                return Error(44004, "empty content");
        }
    }

    private IResult UpdateCard(string? token, JsonObject body)
    {
        if (TokenProblem(token) is { } problem) return Error(problem, "access_token invalid or expired");
        if (body["agentid"]?.ToString() != Settings.AgentId) return Error(40056, "invalid agentid");
        var code = (string?)body["response_code"] ?? "";
        string? taskId;
        lock (_gate)
        {
            // A response code updates its card once, within 72 hours (WeCom's rule).
            if (!_responseCodes.Remove(code, out taskId)) return Error(40125, "invalid response_code");
        }
        if ((string?)body["button"]?["replace_name"] is not { Length: > 0 } replaced) return Error(40058, "button.replace_name missing");
        string userId;
        lock (_gate)
        {
            if (!_cards.TryGetValue(taskId!, out var card)) return Error(40125, "invalid response_code");
            userId = card.UserId;
        }
        if (body["userids"] is JsonArray users && !users.Any(u => (string?)u == userId)) return Error(40003, "invalid userid");
        Add(new WeComReceived(userId, WeComReceived.CardUpdate, replaced, taskId!));
        return Error(0, "ok");
    }

    private IResult GetMedia(string? token, string? mediaId)
    {
        if (TokenProblem(token) is { } problem) return Error(problem, "access_token invalid or expired");
        return mediaId is not null && _media.TryGetValue(mediaId, out var bytes) ? Results.Bytes(bytes, "image/jpeg") : Error(40007, "invalid media_id");
    }

    /// <summary>A card as the member reads it: title, facts, text, buttons.</summary>
    public static string Describe(JsonObject card)
    {
        var lines = new List<string> { "【" + (string?)card["main_title"]?["title"] + "】" };
        if (card["horizontal_content_list"] is JsonArray facts)
            lines.AddRange(facts.Select(f => $"{(string?)f?["keyname"]}：{(string?)f?["value"]}"));
        if ((string?)card["sub_title_text"] is { Length: > 0 } sub) lines.Add(sub);
        if (card["button_list"] is JsonArray buttons) lines.Add(string.Join("  ", buttons.Select(b => $"[{(string?)b?["text"]}]")));
        return string.Join("\n", lines);
    }

    private static IResult Error(int code, string message) => Results.Json(new JsonObject { ["errcode"] = code, ["errmsg"] = message });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
