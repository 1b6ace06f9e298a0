using Microsoft.OpenApi;

namespace Gongjian.Functions.Http;

/// <summary>Describes the Idempotency-Key request header, and what a replay answers, in the served OpenAPI document.</summary>
public static class IdempotencyOpenApi
{
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKeyHeader.Name,
                In = ParameterLocation.Header,
                Required = false,
                Description = "可选。重试同一请求时带上同一个键（1–64 个可打印 ASCII 字符，建议 UUID），工单只会创建一次。" +
                    "The key is scoped to the caller and honoured for 24 h; the same key with a different body is refused with 422 idempotency_key_reused.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeyHeader.MaxLength, Pattern = "^[\\x20-\\x7E]+$" },
            });
            operation.Responses ??= [];
            operation.Responses["201"] = new OpenApiResponse
            {
                Description = "工单已创建。A replay of an earlier request with the same Idempotency-Key answers the same order id, tracking code and Location.",
                Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Location"] = new OpenApiHeader { Description = "/api/orders/{id}", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    [IdempotencyKeyHeader.Replayed] = new OpenApiHeader
                    {
                        Description = "true when this answer repeats the one given to an earlier request with the same Idempotency-Key.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["true"] },
                    },
                },
            };
            operation.Responses.TryAdd("400", new OpenApiResponse { Description = "请求无效（如 invalid_idempotency_key）。" });
            operation.Responses["422"] = new OpenApiResponse { Description = "idempotency_key_reused: 同一个 Idempotency-Key 已用于内容不同的请求。" };
            return Task.CompletedTask;
        });
}
