using Microsoft.OpenApi;

namespace Gongjian.Functions.Http.Contract;

/// <summary>Who may call an operation. Several flags mean any one of them is enough.</summary>
[Flags]
public enum ApiAccess
{
    /// <summary>No credential needed (an anonymous resident, or anyone for public pages).</summary>
    Anyone = 1,
    /// <summary>The resident holding the order's tracking code (<c>X-Tracking-Code</c>).</summary>
    Resident = 2,
    /// <summary>A staff key: <c>Authorization: Bearer gjk_…</c>.</summary>
    Staff = 4,
    /// <summary>A Direct Line token of the conversation (from <c>/api/chat/token</c> or <c>tokens/generate</c>).</summary>
    DirectLineToken = 8,
    /// <summary>The Direct Line secret (<c>Bot:DirectLine:Secret</c>), for a website's backend.</summary>
    DirectLineSecret = 16,
    /// <summary>A Bot Connector JWT from Azure Bot Service.</summary>
    BotConnector = 32,
}

/// <summary>The security schemes of the document and the requirement each access level stands for.</summary>
public static class ApiSecurity
{
    private static readonly (ApiAccess Access, string Id, OpenApiSecurityScheme Scheme)[] Schemes =
    [
        (ApiAccess.Staff, "staffKey", new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "gjk_…",
            Description = "工作人员密钥（派单员、联络员、组织方、管理员），每个密钥限定角色和范围。Staff key: `Authorization: Bearer gjk_…`, " +
                "created with `keys create --role R --scope ID --name N` (scripts/dev prints one per role).",
        }),
        (ApiAccess.Staff, "staffSession", new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "gj_session",
            Description = "工作台会话 Cookie（`POST /api/session` 登录后获得）；写操作还须在 `X-Gongjian-Csrf` 中带上会话的 `csrfToken`。" +
                "The console's session cookie from `POST /api/session`; writes also send the session's `csrfToken` in `X-Gongjian-Csrf`.",
        }),
        (ApiAccess.Resident, "trackingCode", new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Tracking-Code",
            Description = "居民查询码：点单时返回一次（如 `K7M3-QX9P`）。The tracking code answered once by `POST /api/orders`; only its hash is stored.",
        }),
        (ApiAccess.DirectLineToken, "directLineToken", new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "Direct Line token",
            Description = "Direct Line 令牌，只对一个会话有效。A Direct Line token for one conversation: `Authorization: Bearer <token>` from `POST /api/chat/token` or `tokens/generate`.",
        }),
        (ApiAccess.DirectLineSecret, "directLineSecret", new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "Direct Line secret",
            Description = "Direct Line 密钥（`Bot:DirectLine:Secret`），只在网站后端使用。The Direct Line secret, for a website's backend only.",
        }),
        (ApiAccess.BotConnector, "botConnector", new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = "Azure Bot Service 的 Bot Connector JWT。The Bot Connector JWT Azure Bot Service sends (anonymous only with `Bot:AllowAnonymous` and no `Bot:AppId`).",
        }),
    ];

    public static void AddSchemes(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        foreach (var (_, id, scheme) in Schemes) document.Components.SecuritySchemes[id] = scheme;
    }

    /// <summary>One alternative per flag; <see cref="ApiAccess.Anyone"/> is the empty alternative (no credential).</summary>
    public static List<OpenApiSecurityRequirement> Requirements(ApiAccess access, OpenApiDocument document)
    {
        var alternatives = new List<OpenApiSecurityRequirement>();
        if (access.HasFlag(ApiAccess.Anyone)) alternatives.Add(new OpenApiSecurityRequirement());
        foreach (var (flag, id, _) in Schemes)
            if (access.HasFlag(flag))
                alternatives.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(id, document)] = [] });
        return alternatives;
    }
}
