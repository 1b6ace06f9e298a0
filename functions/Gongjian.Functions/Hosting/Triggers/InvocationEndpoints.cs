using System.Text.Json;
using Gongjian.Functions.Http;
using Gongjian.Functions.Observability;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;

namespace Gongjian.Functions.Hosting.Triggers;

/// <summary>
/// The custom-handler side of queue and timer functions: the Functions host posts every
/// invocation to <c>/{FunctionName}</c> (no /api prefix) and reads
/// <c>{"Outputs":{},"Logs":[…],"ReturnValue":null}</c> back; any non-2xx answer fails the
/// invocation, so the host retries it and finally moves the message to the poison queue.
/// Endpoints are made from the catalog when routing first asks, so functions mapped after
/// <see cref="AppBuilder.Build"/> are served too.
/// </summary>
public sealed class InvocationEndpoints(FunctionCatalog catalog) : EndpointDataSource
{
    public const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    public override IReadOnlyList<Endpoint> Endpoints =>
        catalog.All.Where(f => f.Trigger is QueueTrigger or TimerTrigger && f.Run is not null).Select(Create).ToList();

    public override IChangeToken GetChangeToken() => Microsoft.Extensions.FileProviders.NullChangeToken.Singleton;

    private static Endpoint Create(FunctionDeclaration function)
    {
        var builder = new RouteEndpointBuilder(context => InvokeAsync(context, function), RoutePatternFactory.Parse("/" + function.Name), order: 0)
        {
            DisplayName = $"Invoke {function.Name}",
        };
        builder.Metadata.Add(new HttpMethodMetadata(["POST"]));
        builder.Metadata.Add(new ExcludeFromDescriptionAttribute());
        return builder.Build();
    }

    private static async Task InvokeAsync(HttpContext context, FunctionDeclaration function)
    {
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw ApiProblem.BadRequest("invalid_invocation", "函数调用内容格式不正确。", detail: "The body is not JSON.");
        }
        var invocationId = context.Request.Headers[InvocationIdHeader] is [{ Length: > 0 } id] ? id : Guid.NewGuid().ToString();
        var invocation = InvocationPayload.Parse(body, function, invocationId);
        var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger($"Gongjian.Functions.Invoke.{function.Name}");
        using var telemetry = InvocationTelemetry.Start(invocation, function, log);
        try
        {
            await function.Run!(invocation, context.RequestServices, context.RequestAborted);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested && e is not Gongjian.Http.HttpProblem)
        {
            // Expected operationally (the host retries), so not the middleware's "unhandled bug" path.
            telemetry.Failed(e);
            log.LogError(e, "{Function} failed (invocation {InvocationId}, try {Try})", function.Name, invocationId, invocation.DequeueCount);
            throw new ApiProblem(StatusCodes.Status500InternalServerError, "function_failed", "后台函数执行失败，稍后会重试。");
        }
        await WriteResultAsync(context, $"{function.Name} succeeded (invocation {invocationId})");
    }

    private static async Task WriteResultAsync(HttpContext context, string logLine)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteStartObject("Outputs");
        json.WriteEndObject();
        json.WriteStartArray("Logs");
        json.WriteStringValue(logLine);
        json.WriteEndArray();
        json.WriteNull("ReturnValue");
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}

public static class InvocationEndpointMapping
{
    /// <summary>Serves <c>POST /{FunctionName}</c> for the queue and timer functions when <see cref="TriggerSettings.InvocationEndpoints"/>.</summary>
    public static void MapBackgroundInvocations(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<TriggerSettings>().InvocationEndpoints) return;
        ((IEndpointRouteBuilder)app).DataSources.Add(new InvocationEndpoints(app.Services.GetRequiredService<FunctionCatalog>()));
    }
}
