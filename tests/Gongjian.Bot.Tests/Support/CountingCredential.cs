using Azure.Core;

namespace Gongjian.Bot.Tests.Support;

/// <summary>An Azure Identity credential that hands out numbered tokens valid for an hour and counts requests.</summary>
public sealed class CountingCredential : TokenCredential
{
    public int Requests;
    public string? LastScope;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref Requests);
        LastScope = requestContext.Scopes.Single();
        return ValueTask.FromResult(new AccessToken($"outbound-token-{n}", DateTimeOffset.UtcNow.AddHours(1)));
    }
}
