using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;

namespace Gongjian.Functions.Http.Contract;

/// <summary>
/// How a function declares its contract next to its route in <c>FunctionRoutes</c>: feature, words,
/// who may call it, the body it reads and the answers it gives, each with an example. The app reads
/// and writes bodies itself (<see cref="JsonBody"/>, <see cref="ApiJson"/>), so nothing is inferred:
/// what is declared here is what the published document says.
/// </summary>
public static class ApiContract
{
    public const string Json = "application/json";
    public const string Problem = "application/problem+json";

    /// <summary>Feature, summary and description (Chinese and English), and who may call it.</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, ApiTag tag, string summary, string description, ApiAccess access) =>
        builder.WithTags(tag.Name).WithSummary(summary).WithDescription(description)
            .AddOpenApiOperationTransformer((operation, context, _) =>
            {
                operation.Security = ApiSecurity.Requirements(access, context.Document!);
                return Task.CompletedTask;
            });

    /// <summary>The JSON body the function reads, with an example (serialized exactly as the app reads it).</summary>
    public static RouteHandlerBuilder Takes<T>(this RouteHandlerBuilder builder, T example, bool optional = false) where T : notnull =>
        builder.WithMetadata(new DescribedBody(typeof(T), optional)).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody is not OpenApiRequestBody body) return Task.CompletedTask;
            body.Description = optional ? "可选，可以不带请求体。Optional: the body may be left out." : null;
            if (body.Content?.TryGetValue(Json, out var media) == true && media is OpenApiMediaType m) m.Example = ApiContractJson.ToNode(example);
            return Task.CompletedTask;
        });

    /// <summary>
    /// The body type for the document (ASP.NET's schema generation, JSON by default) without content types:
    /// with them (<c>Accepts&lt;T&gt;</c>) routing would answer a wrong or missing content type with a bare
    /// 415 before the function's own strict reader can answer with problem details.
    /// </summary>
    private sealed class DescribedBody(Type type, bool optional) : IAcceptsMetadata
    {
        public IReadOnlyList<string> ContentTypes => [];
        public Type? RequestType => type;
        public bool IsOptional => optional;
    }

    /// <summary>A body that is not JSON (a multipart upload), described in words.</summary>
    public static RouteHandlerBuilder TakesContent(this RouteHandlerBuilder builder, string contentType, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true, Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } } },
            };
            return Task.CompletedTask;
        });

    /// <summary>A JSON answer for <paramref name="status"/>, with an example.</summary>
    public static RouteHandlerBuilder Gives<T>(this RouteHandlerBuilder builder, int status, T example, string? description = null) where T : notnull =>
        builder.Produces<T>(status, Json).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue(Key(status), out var r) == true && r is OpenApiResponse response)
            {
                response.Description = description ?? Describe(status);
                if (response.Content?.TryGetValue(Json, out var media) == true && media is OpenApiMediaType m) m.Example = ApiContractJson.ToNode(example);
            }
            return Task.CompletedTask;
        });

    /// <summary>A non-JSON answer (a photo, a page, a script), or none when no content type is given.</summary>
    public static RouteHandlerBuilder GivesContent(this RouteHandlerBuilder builder, int status, string description, params string[] contentTypes) =>
        builder.Produces(status).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue(Key(status), out var r) == true && r is OpenApiResponse response)
            {
                response.Description = description;
                response.Content = contentTypes.Length == 0 ? null : contentTypes.ToDictionary(
                    c => c, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } });
            }
            return Task.CompletedTask;
        });

    /// <summary>A query parameter the function reads itself (not bound by a handler parameter).</summary>
    public static RouteHandlerBuilder Query(this RouteHandlerBuilder builder, string name, string description, JsonSchemaType type = JsonSchemaType.String) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name, In = ParameterLocation.Query, Required = false, Description = description, Schema = new OpenApiSchema { Type = type },
            });
            return Task.CompletedTask;
        });

    /// <summary>The refusals the function can give: problem details with <c>code</c>, <c>field</c> and a Chinese <c>title</c>.</summary>
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses) builder.Produces<ProblemView>(status, Problem);
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var status in statuses)
                if (operation.Responses?.TryGetValue(Key(status), out var r) == true && r is OpenApiResponse response)
                {
                    response.Description = Describe(status);
                    if (response.Content?.TryGetValue(Problem, out var media) == true && media is OpenApiMediaType m)
                        m.Example = ApiContractJson.ToNode(ApiExamples.Problem(status));
                }
            return Task.CompletedTask;
        });
    }

    private static string Key(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(int status) => status switch
    {
        200 => "成功。OK.",
        201 => "已创建。Created.",
        400 => "请求无效：`code` 说明原因，`field` 指出字段。Bad request: `code` says why, `field` names the field.",
        401 => "未提供或无法识别凭据。Missing or unknown credential.",
        403 => "无权执行（角色或范围不符）。Not allowed for this caller's role or scope.",
        404 => "不存在。Not found.",
        409 => "与当前状态冲突（如 `order_accepted`）。Conflicts with the current state, e.g. `order_<status>`.",
        412 => "已被他人修改（`If-Match` 与当前 `ETag` 不符），请刷新后再试。Changed since you read it: `If-Match` no longer matches the `ETag`.",
        413 => "请求或照片过大。Request or photo too large.",
        415 => "请求内容必须是 JSON。The body must be JSON (`Content-Type: application/json`).",
        422 => "同一个 Idempotency-Key 已用于内容不同的请求（`idempotency_key_reused`）。The same Idempotency-Key was sent with a different body.",
        429 => "请求过于频繁，请按 `Retry-After` 稍后再试。Too many requests; retry after `Retry-After` seconds.",
        503 => "暂时不可用，请稍后重试。Temporarily unavailable; retry later.",
        _ => "",
    };
}
