using Scalar.AspNetCore;

namespace Gongjian.Functions.Http.Contract;

/// <summary>The published contract: <c>/api/openapi.json</c> (OpenAPI 3.1) and its reference page <c>/api/docs</c>.</summary>
public static class OpenApiSetup
{
    public const string DocumentPath = "/api/openapi.json";
    public const string ReferencePath = "/api/docs";
    public const string Title = "Gongjian 共建 API";

    // Markdown, rendered as HTML by the reference page: placeholders go in code spans, never as bare <key>.
    private const string Description =
        "四单一体：**居民点单** → **社区派单** → **单位接单** → **组织晒单**。" +
        "Residents place orders, community dispatchers route them to member units, units accept and complete them with a photo, the street publishes anonymised showcases.\n\n" +
        "**认证 Authentication**\n\n" +
        "- 工作人员 Staff: `Authorization: Bearer gjk_…` (one key per role and scope; `scripts/dev` prints them)\n" +
        "- 居民 Residents: `X-Tracking-Code: K7M3-QX9P` (answered once when the order is placed)\n" +
        "- 聊天 Chat: `Authorization: Bearer` followed by a Direct Line token (`POST /api/chat/token`)\n\n" +
        "**错误 Errors** are RFC 9457 problem details (`application/problem+json`) with a stable `code`, the offending `field` and a Chinese `title`. " +
        "Any operation may answer `503 storage_unavailable` (服务繁忙) while storage is down or throttling, and every write, and a lookup by code, `429 rate_limited` past its limit (each such operation lists 429): " +
        "both with `Retry-After` (seconds); retry a placement with the same `Idempotency-Key`.";

    public static IServiceCollection AddApiContract(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => ApiContractJson.MirrorApiJson(o.SerializerOptions));
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = Title;
                document.Info.Description = Description;
                document.Tags = new HashSet<Microsoft.OpenApi.OpenApiTag>(
                    ApiTags.All.Select(t => new Microsoft.OpenApi.OpenApiTag { Name = t.Name, Description = t.Description }));
                ApiSecurity.AddSchemes(document);
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer(StrictSchemas.ApplyAsync);
        });
        return services;
    }

    public static void MapApiContract(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        app.MapScalarApiReference(ReferencePath, o => o.WithOpenApiRoutePattern(DocumentPath).WithTitle(Title)
            .DisableAgent().HideDeveloperTools()); // the AI chat and the "Deploy .NET" toolbar call services outside the app
    }
}
