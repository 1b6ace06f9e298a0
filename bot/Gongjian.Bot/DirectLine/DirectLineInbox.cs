using System.Text.Json;
using System.Text.Json.Nodes;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Http;
using Gongjian.Bot.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.DirectLine;

/// <summary>
/// Takes one activity a Direct Line client posted: completes it (id, conversation, channel),
/// stores it so the client sees its own message echoed unchanged (with its channelData), and
/// passes it to the bot through the same gate as /api/messages.
/// </summary>
public sealed class DirectLineInbox(TranscriptStore transcripts, InboundGate gate, IOptions<BotOptions> options)
{
    public static ChannelAccount BotAccount(BotOptions o) => new(o.AppId is { Length: > 0 } id ? id : "gongjian-bot", o.Name, "bot");

    /// <param name="posted">The activity as the client sent it.</param>
    /// <param name="files">Uploaded files: kept out of the transcript, handed to the bot as data: URLs.</param>
    public async Task<IResult> AcceptAsync(string conversationId, JsonObject posted, IReadOnlyList<Attachment>? files, CancellationToken ct)
    {
        if (posted["type"] is not JsonValue type || type.GetValueKind() != JsonValueKind.String || (string?)type is not { Length: > 0 })
            return BotProblem.BadRequest("invalid_activity", "消息缺少 type 字段。");
        if (posted["text"] is JsonNode text && text.GetValueKind() != JsonValueKind.String)
            return BotProblem.BadRequest("invalid_activity", "text 字段必须是字符串。", "text");
        // A sender of the wrong shape is refused, not quietly replaced by "user" (Complete fills in only what is absent).
        if (posted["from"] is JsonNode from && (from is not JsonObject sender || sender["id"] is JsonNode senderId && senderId.GetValueKind() != JsonValueKind.String))
            return BotProblem.BadRequest("invalid_activity", "from 字段必须是含字符串 id 的对象。", "from");
        var echo = Complete(conversationId, posted, files);
        Activity read;
        try { read = echo.Deserialize(ActivityJson.Default.Activity)!; }
        catch (JsonException) { return BotProblem.BadRequest("invalid_activity", "消息字段的类型不正确。"); }
        var reference = ConversationReference.From(read);
        if (gate.IsTooLong(read))
        {
            await gate.SayTooLongAsync(reference, null, ct);
            return BotProblem.BadRequest("text_too_long", Conversations.Texts.TooLong(options.Value.MaxTextLength));
        }
        // Web Chat marks every send with a clientActivityID: a re-send of the same one is neither echoed nor answered twice.
        var clientId = posted["channelData"] is JsonObject channelData && channelData["clientActivityID"] is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? (string?)v : null;
        if (clientId is not null && !await gate.IsFirstAsync(reference, "dl:" + clientId, ct))
            return Results.Json(new DirectLineResourceId(""), DirectLineJson.Default.DirectLineResourceId);

        var id = (await transcripts.AppendAsync(conversationId, [echo], ct))[0];
        // Typing and events are shown to the client (echo) but give the bot nothing to answer.
        if (read.Type != ActivityTypes.Message) return Results.Json(new DirectLineResourceId(id), DirectLineJson.Default.DirectLineResourceId);
        var activity = read with { Id = id, Attachments = files is { Count: > 0 } ? files : read.Attachments };
        var outcome = await gate.AcceptAsync(activity, null, ct);
        if (outcome == InboundOutcome.Busy)
        {
            await gate.SayBusyAsync(reference, id, ct);
            return new BotProblem(StatusCodes.Status503ServiceUnavailable, "bot_busy", Conversations.Texts.Busy);
        }
        return Results.Json(new DirectLineResourceId(id), DirectLineJson.Default.DirectLineResourceId);
    }

    private JsonObject Complete(string conversationId, JsonObject posted, IReadOnlyList<Attachment>? files)
    {
        var echo = (JsonObject)posted.DeepClone();
        var from = echo["from"] as JsonObject ?? [];
        if (from["id"] is not JsonValue fromId || fromId.GetValueKind() != JsonValueKind.String) from["id"] = "user";
        from["role"] = "user";
        echo["from"] = from;
        echo["conversation"] = new JsonObject { ["id"] = conversationId };
        echo["channelId"] = DirectLineChannel.ChannelId;
        echo["serviceUrl"] = DirectLineChannel.ServiceUrl;
        echo["recipient"] = JsonSerializer.SerializeToNode(BotAccount(options.Value), ActivityJson.Default.ChannelAccount);
        if (files is { Count: > 0 })
            echo["attachments"] = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject { ["contentType"] = f.ContentType, ["name"] = f.Name })]);
        return echo;
    }
}
