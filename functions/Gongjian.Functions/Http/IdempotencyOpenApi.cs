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
            // The 201 answer and the 400/422 refusals are declared with the function (FunctionRoutes); this adds what a replay says.
            if (operation.Responses?.TryGetValue("201", out var created) == true && created is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["Location"] = new OpenApiHeader { Description = "/api/orders/{id}", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                response.Headers[IdempotencyKeyHeader.Replayed] = new OpenApiHeader
                {
                    Description = "true when this answer repeats the one given to an earlier request with the same Idempotency-Key.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["true"] },
                };
            }
            return Task.CompletedTask;
        });
}
