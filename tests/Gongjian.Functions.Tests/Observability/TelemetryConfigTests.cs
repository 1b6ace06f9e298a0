using Gongjian.Functions.Hosting;
using Gongjian.Functions.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Gongjian.Functions.Tests.Observability;

/// <summary>Which exporter is set up from which settings, and the cheap parsing the hot paths rely on.</summary>
public sealed class TelemetryConfigTests
{
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public async Task OpenTelemetry_is_registered_only_when_Application_Insights_is_configured()
    {
        // Built, never started: nothing is exported and no credential is used.
        await using var bare = AppBuilder.Build(["--AzureWebJobsStorage=UseDevelopmentStorage=true"]);
        await using var monitored = AppBuilder.Build(["--AzureWebJobsStorage=UseDevelopmentStorage=true", $"--APPLICATIONINSIGHTS_CONNECTION_STRING={ConnectionString}"]);

        var isService = (IServiceProvider s, Type t) => s.GetRequiredService<IServiceProviderIsService>().IsService(t);
        Assert.False(isService(bare.Services, typeof(TracerProvider)));
        Assert.False(isService(bare.Services, typeof(MeterProvider)));
        Assert.True(isService(monitored.Services, typeof(TracerProvider)));
        Assert.True(isService(monitored.Services, typeof(MeterProvider)));
        Assert.True(bare.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
    }

    [Theory]
    [InlineData(null, false, null)]
    [InlineData("Authorization=AAD", true, null)]
    [InlineData("Authorization=AAD;ClientId=1b2c3d4e-0000-4000-8000-000000000001", true, "1b2c3d4e-0000-4000-8000-000000000001")]
    [InlineData(" ClientId=abc ; authorization=aad ", true, "abc")]
    public void Authentication_string_selects_the_managed_identity(string? auth, bool entraId, string? clientId)
    {
        var config = auth is null
            ? Config((AzureMonitorSettings.ConnectionStringKey, ConnectionString))
            : Config((AzureMonitorSettings.ConnectionStringKey, ConnectionString), (AzureMonitorSettings.AuthenticationStringKey, auth));
        var settings = AzureMonitorSettings.From(config)!;
        Assert.Equal((entraId, clientId), (settings.EntraId, settings.ClientId));
        Assert.Equal(entraId, settings.CreateCredential() is Azure.Identity.ManagedIdentityCredential);
    }

    [Theory]
    [InlineData("Authorization=Key")]
    [InlineData("ClientId=abc")]
    [InlineData("Authorization=AAD;Secret=x")]
    public void Unusable_authentication_string_stops_the_start(string auth) =>
        Assert.Throws<InvalidOperationException>(() => AzureMonitorSettings.From(
            Config((AzureMonitorSettings.ConnectionStringKey, ConnectionString), (AzureMonitorSettings.AuthenticationStringKey, auth))));

    [Fact]
    public void No_connection_string_means_no_exporter() =>
        Assert.Null(AzureMonitorSettings.From(Config((AzureMonitorSettings.AuthenticationStringKey, "Authorization=AAD"))));

    [Theory]
    [InlineData("""{"id":"x","nested":{"correlationId":"no"},"correlationId":"abc-1","fireAt":"2026-01-02T03:04:05+00:00"}""", "abc-1", true)]
    [InlineData("""{"CorrelationId":"abc-2"}""", "abc-2", false)]
    [InlineData("""{"correlationId":"has space"}""", null, false)]
    [InlineData("""{"correlationId":7,"list":[1,{"a":2}]}""", null, false)]
    [InlineData("""{"correlationId":"abc-3" """, null, false)]
    [InlineData("plain text", null, false)]
    [InlineData("[1,2]", null, false)]
    [InlineData("", null, false)]
    public void Message_header_is_read_tolerantly(string message, string? correlation, bool hasFireAt)
    {
        var header = MessageHeader.Read(message);
        Assert.Equal(correlation, header.CorrelationId);
        Assert.Equal(hasFireAt, header.FireAt == new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    }
}
