using Xunit;

namespace Gongjian.Infra.Tests;

/// <summary>Built-in role definition ids (identical in every subscription).</summary>
static class RoleAssignments
{
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string CognitiveServicesOpenAIUser = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    /// <summary>
    /// Asserts that the module holding <paramref name="scopeType"/> grants <paramref name="roleId"/>
    /// on that resource to the app's user-assigned identity.
    /// </summary>
    public static async Task AssertAppIdentityHasRoleAsync(string roleId, string scopeType)
    {
        var scope = await CompiledTemplate.SingleAsync(scopeType);
        var grants = (await CompiledTemplate.OfTypeAsync("Microsoft.Authorization/roleAssignments"))
            .Where(r => r.Template == scope.Template)
            .Where(r => ((string?)r.Properties?["roleDefinitionId"])?.Contains($"'{roleId}'") == true)
            .ToList();
        var grant = Assert.Single(grants);

        var scopeName = (string?)scope.Body["name"];
        Assert.Equal($"[resourceId('{scopeType}', {scopeName![1..^1]})]", (string?)grant.Body["scope"]);
        Assert.Equal("ServicePrincipal", (string?)grant.Properties?["principalType"]);

        var principalParameter = (string?)grant.Properties?["principalId"];
        Assert.Equal(CompiledTemplate.ParameterReference("appPrincipalId"), principalParameter);
        var principal = grant.ModuleArgument("appPrincipalId");
        Assert.Matches(@"^\[reference\(resourceId\('Microsoft\.ManagedIdentity/userAssignedIdentities'.*\)\.principalId\]$", principal);
    }
}
