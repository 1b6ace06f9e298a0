using Gongjian.Http;

namespace Gongjian.Functions.Http;

/// <summary>
/// Turns every failure into ProblemDetails: refusals the handlers raise, malformed requests Kestrel
/// rejects, unmatched routes, and — as a last resort, logged as a bug — anything unexpected.
/// </summary>
public sealed class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            if (context.Response is { HasStarted: false, StatusCode: 404 } && context.GetEndpoint() is null)
                await ProblemWriter.WriteAsync(context, ApiProblem.NotFound("route_not_found", "请求的地址不存在。"));
            else if (context.Response is { HasStarted: false, StatusCode: 405 })
                // Routing answers a wrong method with its own endpoint and an Allow header, which the writer keeps.
                await ProblemWriter.WriteAsync(context, new ApiProblem(405, "method_not_allowed", "该地址不支持此请求方法。"));
        }
        catch (HttpProblem problem)
        {
            await ProblemWriter.WriteAsync(context, problem);
        }
        catch (BadHttpRequestException e)
        {
            await ProblemWriter.WriteAsync(context, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ApiProblem.TooLarge("request_too_large", "请求内容过大。")
                : new ApiProblem(e.StatusCode, "bad_request", "请求格式不正确。"));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e) when (Storage.StorageResources.IsMissingResource(e))
        {
            // The app does not create its tables, queues and containers when it starts: an operator's step is missing, not a bug.
            log.LogError("Storage is not set up ({Error} on {Method} {Path}): run `Gongjian.Functions setup` or deploy infra-bicep",
                ((Azure.RequestFailedException)e).ErrorCode, context.Request.Method, context.Request.Path);
            await ProblemWriter.WriteAsync(context, ApiProblem.StorageNotSetUp());
        }
        catch (Azure.Data.Tables.TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            // Every retry of the engine lost to another writer of the same instance: busy, not broken, and nothing half-written.
            log.LogWarning("Instance contended on {Method} {Path}: the engine's retries were spent", context.Request.Method, context.Request.Path);
            await ProblemWriter.WriteAsync(context, ApiProblem.ContendedInstance());
        }
        catch (Exception e) when (Storage.StorageFaults.IsUnavailable(e) || e is OperationCanceledException)
        {
            // Storage down, throttling or timing out (the client's retries are spent): not a bug, a moment to wait.
            log.LogWarning("Storage unavailable on {Method} {Path} ({Error})", context.Request.Method, context.Request.Path, e.GetType().Name);
            await ProblemWriter.WriteAsync(context, ApiProblem.StorageUnavailable());
        }
        catch (Exception e)
        {
            log.LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            await ProblemWriter.WriteAsync(context, new ApiProblem(500, "internal_error", "服务器开小差了，请稍后再试。"));
        }
    }
}
