using System.Text.Json;
using System.Text.Json.Nodes;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations.Liaison;
using Gongjian.Bot.Http;
using Gongjian.Http;
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
        if (!HasBoundary(context.Request.ContentType))
            return BotProblem.BadRequest("invalid_upload", "上传需使用带 boundary 的 multipart/form-data。");
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxFiles * (PhotoReader.MaxBytes + 64 * 1024L);
        IFormCollection form;
        // A multipart body that does not parse (no closing boundary, broken part headers, too many parts) is the client's error.
        try { form = await context.Request.ReadFormAsync(context.RequestAborted); }
        catch (InvalidDataException) { return BotProblem.BadRequest("invalid_upload", "上传内容格式不正确。"); }
        catch (IOException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // The body ended before the closing boundary ("Unexpected end of Stream").
            return BotProblem.BadRequest("invalid_upload", "上传内容不完整。");
        }

        var files = form.Files.Where(f => f.Name != "activity").ToList();
        if (files.Count == 0) return BotProblem.BadRequest("empty_upload", "上传内容里没有文件。");
        if (files.Count > MaxFiles) return BotProblem.BadRequest("too_many_files", $"一次最多上传 {MaxFiles} 个文件。");
        if (files.Select((f, i) => (f, i)).FirstOrDefault(x => TextRules.HasControl(x.f.FileName) || TextRules.HasControl(x.f.ContentType ?? "")) is { f: not null } bad)
            return BotProblem.BadRequest("control_character", $"第 {bad.i + 1} 个文件的名称或类型含有不允许的控制字符。", $"files[{bad.i}]");

        var posted = await ReadActivityAsync(form, context.RequestAborted);
        if (posted is null) return BotProblem.BadRequest("invalid_activity", "activity 部分必须是一个 JSON 对象。");
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

    private static bool HasBoundary(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(type.Boundary).Length is > 0 and <= 70;

    /// <summary>The activity part (a file part or a field), through the same strict reader as a posted activity; a plain message when absent.</summary>
    private static async Task<JsonObject?> ReadActivityAsync(IFormCollection form, CancellationToken ct)
    {
        ReadOnlyMemory<byte> json;
        if (form.Files.GetFile("activity") is { } part)
        {
            if (part.Length > ActivityEndpoints.MaxActivityBytes)
                throw new HttpProblem(StatusCodes.Status413PayloadTooLarge, "request_too_large", "activity 部分过大。");
            using var buffer = new MemoryStream((int)part.Length);
            await part.CopyToAsync(buffer, ct);
            json = buffer.ToArray();
        }
        else if (form.TryGetValue("activity", out var text)) json = System.Text.Encoding.UTF8.GetBytes(text.ToString());
        else return new JsonObject { ["type"] = ActivityTypes.Message };
        return JsonNode.Parse(StrictJson.Check(json, ActivityEndpoints.Limits).Span) as JsonObject;
    }
}
