using Gongjian.Functions.Http;

namespace Gongjian.Functions.Open311;

/// <summary>
/// Open311 clients expect errors as a list of <c>{code, description}</c> (<c>&lt;errors&gt;&lt;error&gt;</c> in XML),
/// not problem details: every refusal an Open311 function raises is rewritten so. A missing or bad
/// credential is 403 in GeoReport v2, so a 401 becomes 403; the description is the Chinese title.
/// </summary>
public static class Open311Errors
{
    public static RouteHandlerBuilder WithOpen311Errors(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            try
            {
                return await next(invocation);
            }
            catch (ApiProblem problem)
            {
                var status = problem.Status == StatusCodes.Status401Unauthorized ? StatusCodes.Status403Forbidden : problem.Status;
                return Open311Writer.Result(Open311Formats.OfRequest(invocation.HttpContext), Document(status, problem.Title), status);
            }
        });

    public static Open311Document Document(int status, string description) => new("errors", new Open311List("error",
        [new Open311Object([("code", new Open311Value(status)), ("description", new Open311Value(description))])]));

    public static ApiProblem BadApiKey() => ApiProblem.Forbidden("invalid_api_key", "api_key 无效或已被吊销，请联系街道管理员获取客户端密钥。");
}
