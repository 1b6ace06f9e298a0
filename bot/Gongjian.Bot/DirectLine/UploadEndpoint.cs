using System.Text.Json;
using System.Text.Json.Nodes;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations.Liaison;
using Gongjian.Bot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gongjian.Bot.DirectLine;

/// <summary>
/// <c>POST /v3/directline/conversations/{id}/upload</c>: how Web Chat sends a message with files —
/// multipart with the activity (part <c>activity</c>) and one part per file.
/// </summary>
public static class UploadEndpoint
{
    private const int MaxFiles = 9;

    public static async Task<IResult> Run(HttpContext context, string conversationId, DirectLineTokens tokens, TranscriptStore transcripts, DirectLineInbox inbox)
    {
        if (DirectLineAccess.Check(context, tokens, conversationId) is { } problem) return problem;
        if (!await transcripts.ExistsAsync(conversationId, context.RequestAborted)) return DirectLineAccess.ConversationNotFound();
        if (!context.Request.HasFormContentType) return BotProblem.BadRequest("invalid_upload", "上传需使用 multipart/form-data。");
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxFiles * (PhotoReader.MaxBytes + 64 * 1024L);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);

        JsonObject posted;
        var activityPart = form.Files.GetFile("activity");
        try
        {
            var node = activityPart is not null
                ? await JsonNode.ParseAsync(activityPart.OpenReadStream(), cancellationToken: context.RequestAborted)
                : form.TryGetValue("activity", out var text) ? JsonNode.Parse(text.ToString()) : new JsonObject { ["type"] = ActivityTypes.Message };
            if (node is not JsonObject o) return BotProblem.BadRequest("invalid_activity", "activity 部分必须是一个 JSON 对象。");
            posted = o;
        }
        catch (JsonException) { return BotProblem.BadRequest("invalid_activity", "activity 部分不是有效的 JSON。"); }

        var files = form.Files.Where(f => f.Name != "activity").ToList();
        if (files.Count > MaxFiles) return BotProblem.BadRequest("too_many_files", $"一次最多上传 {MaxFiles} 个文件。");
        if (files.Any(f => f.Length > PhotoReader.MaxBytes))
            return new BotProblem(StatusCodes.Status413PayloadTooLarge, "file_too_large", "照片不能超过 10 MB，请压缩后重新发送。");
        var attachments = new List<Attachment>(files.Count);
        foreach (var file in files)
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, context.RequestAborted);
            var type = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType;
            attachments.Add(new Attachment
            {
                ContentType = type, Name = file.FileName,
                ContentUrl = $"data:{type};base64,{Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length)}",
            });
        }
        return await inbox.AcceptAsync(conversationId, posted, attachments, context.RequestAborted);
    }
}
