using System.Text.Json.Nodes;
using Xunit;

namespace Gongjian.Infra.Tests;

public sealed class StorageTemplateTests
{
    const string StorageAccount = "Microsoft.Storage/storageAccounts";

    static async Task<JsonNode> AccountPropertiesAsync() =>
        (await CompiledTemplate.SingleAsync(StorageAccount)).Properties!;

    [Fact]
    public async Task Storage_account_disallows_shared_key_access()
    {
        var properties = await AccountPropertiesAsync();
        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Storage_account_requires_tls_1_2_over_https_only()
    {
        var properties = await AccountPropertiesAsync();
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Storage_account_disallows_public_blob_access()
    {
        var properties = await AccountPropertiesAsync();
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        var containers = await CompiledTemplate.OfTypeAsync($"{StorageAccount}/blobServices/containers");
        Assert.All(containers, c => Assert.Equal("None", (string?)c.Properties?["publicAccess"]));
    }

    [Fact]
    public async Task Storage_has_the_tables_queues_and_containers_the_app_uses()
    {
        var account = await CompiledTemplate.SingleAsync(StorageAccount);
        string[] Variable(string name) => account.Template["variables"]![name]!.AsArray().Select(n => (string)n!).ToArray();

        // The app creates none of them when it starts: the deployment must declare every one (the `setup` verb's list).
        Assert.Equal(Gongjian.Functions.Storage.StorageResources.Tables, Variable("tableNames"));
        Assert.Equal(Gongjian.Functions.Storage.StorageResources.Queues, Variable("queueNames"));
        Assert.Contains("order-timers-poison", Variable("queueNames"));

        var containers = (await CompiledTemplate.OfTypeAsync($"{StorageAccount}/blobServices/containers"))
            .Select(c => (string)c.Body["name"]!).ToList();
        foreach (var container in Gongjian.Functions.Storage.StorageResources.Containers)
            Assert.Contains(containers, n => n.EndsWith($"'{container}')]", StringComparison.Ordinal));
        Assert.Contains(containers, n => n.EndsWith("'locks')]", StringComparison.Ordinal));
        Assert.Equal("deployments", account.ModuleArgument("deploymentContainerName"));
    }

    [Theory]
    [InlineData(RoleAssignments.StorageBlobDataOwner)]
    [InlineData(RoleAssignments.StorageQueueDataContributor)]
    [InlineData(RoleAssignments.StorageTableDataContributor)]
    public Task App_identity_has_storage_data_role(string roleId) =>
        RoleAssignments.AssertAppIdentityHasRoleAsync(roleId, StorageAccount);

    [Fact]
    public async Task Template_contains_no_storage_keys()
    {
        var json = await CompiledTemplate.JsonAsync();
        Assert.DoesNotContain("listKeys(", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessSignature", json, StringComparison.OrdinalIgnoreCase);
    }
}
