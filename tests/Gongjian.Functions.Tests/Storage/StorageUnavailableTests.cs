using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Storage;

/// <summary>
/// Storage that cannot be reached (nothing listens on its ports): every route that needs it answers
/// 503 storage_unavailable with Retry-After and a Chinese title — not 500 — and the SDK's failures are
/// told from storage's refusals. (The outage in the middle of a load run: Reliability/StorageOutageTests.)
/// </summary>
public sealed class StorageUnavailableTests
{
    [Fact]
    public async Task Requests_that_need_unreachable_storage_answer_503_with_retry_after()
    {
        var (blob, queue, table) = (FreePort.Next(), FreePort.Next(), FreePort.Next()); // free: nobody listens there
        var account = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        await using var app = AppBuilder.Build(["--urls=http://127.0.0.1:0", $"--AzureWebJobsStorage={account}", "--Logging:LogLevel:Default=None", "--Host:Triggers=false"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // The timeout is a hang guard only: a refused connection fails after the client's 2 quick retries.
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(90) };

        using var place = await http.PostAsync("/api/orders", JsonContent.Create(TestApp.NewOrder()));
        using var list = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/orders") { Headers = { { "Authorization", "Bearer gjk_notarealkey0000000000000000" } } });
        using var health = await http.GetAsync("/api/health");
        foreach (var response in new[] { place, list, health })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{response.RequestMessage!.RequestUri}: no Retry-After");
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("storage_unavailable", problem.GetProperty("code").GetString());
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("title").GetString());
        }
        await app.StopAsync();
    }

    [Fact]
    public void Outages_and_throttling_are_told_from_refusals()
    {
        Assert.True(StorageFaults.IsUnavailable(new RequestFailedException(503, "ServerBusy")));
        Assert.True(StorageFaults.IsUnavailable(new RequestFailedException(500, "InternalError")));
        Assert.True(StorageFaults.IsUnavailable(new RequestFailedException("Connection refused", new HttpRequestException("refused"))));
        Assert.True(StorageFaults.IsUnavailable(new AggregateException(new RequestFailedException(503, "busy"), new RequestFailedException("no answer", new IOException()))));
        Assert.True(StorageFaults.IsUnavailable(new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout of 0:00:10.")));
        Assert.False(StorageFaults.IsUnavailable(new RequestFailedException(404, "not found")));
        Assert.False(StorageFaults.IsUnavailable(new RequestFailedException(409, "conflict")));
        Assert.False(StorageFaults.IsUnavailable(new RequestFailedException(412, "condition not met")));
        Assert.False(StorageFaults.IsUnavailable(new AggregateException(new RequestFailedException(503, "busy"), new InvalidOperationException())));
        Assert.False(StorageFaults.IsUnavailable(new InvalidOperationException("a bug")));
    }
}
