using Gongjian.Functions.Http;

namespace Gongjian.Functions.Access;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;key&gt;</c> into a <see cref="Caller"/>. No header means an
/// anonymous caller (a resident); a header with an unknown or revoked key is refused outright.
/// </summary>
public sealed class StaffAuthentication(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, StaffKeys keys)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                throw ApiProblem.Unauthorized("invalid_authorization", "请使用 Authorization: Bearer <密钥> 的格式提供密钥。");
            var caller = await keys.FindAsync(header["Bearer ".Length..].Trim(), context.RequestAborted)
                ?? throw ApiProblem.Unauthorized("invalid_key", "密钥无效或已被吊销。");
            context.Features.Set(caller);
        }
        await next(context);
    }
}

public static class CallerExtensions
{
    public static Caller? Caller(this HttpContext context) => context.Features.Get<Caller>();

    public static Caller RequireStaff(this HttpContext context) =>
        context.Caller() ?? throw ApiProblem.Unauthorized("authentication_required", "请先提供工作人员密钥。");
}
