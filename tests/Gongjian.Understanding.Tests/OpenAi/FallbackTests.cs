using Gongjian.Understanding.OpenAi;
using Microsoft.AspNetCore.Http;

namespace Gongjian.Understanding.Tests.OpenAi;

/// <summary>Every way the model path can fail ends in the offline reading, with the reason, within the timeout.</summary>
public sealed class FallbackTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("这不是JSON", "invalid json")]
    [InlineData("[1,2,3]", "invalid json")]
    [InlineData("""{"category":"plumbing","confidence":0.9,"communityId":null,"place":null,"phone":null,"contactName":null,"urgent":false,"summary":null}""", "invalid category")]
    [InlineData("""{"category":"repair","confidence":0.9,"communityId":"taishan","place":null,"phone":null,"contactName":null,"urgent":false,"summary":null}""", "invalid communityId")]
    [InlineData("""{"category":"repair","confidence":0.9,"communityId":null,"place":null,"phone":"13912345678","contactName":null,"urgent":false,"summary":null}""", "invalid phone")]
    [InlineData("""{"category":"repair","confidence":0.9,"communityId":null,"place":null,"phone":"12345","contactName":null,"urgent":false,"summary":null}""", "invalid phone")]
    [InlineData("""{"category":"repair","confidence":0.9,"communityId":null,"place":null,"phone":null,"contactName":null,"urgent":false,"summary":"东七里宝盛小区3号楼下水道堵了好几天了臭得不行楼下邻居都受不了了快来修"}""", "invalid summary")]
    [InlineData("""{"category":"repair","confidence":7,"communityId":null,"place":null,"phone":null,"contactName":null,"urgent":false,"summary":null}""", "invalid confidence")]
    [InlineData("""{"category":"repair","confidence":0.9,"communityId":null,"place":null,"phone":null,"contactName":null,"urgent":"yes","summary":null}""", "invalid urgent")]
    [InlineData("""{"category":"repair","confidence":0.9,"communityId":null,"place":null,"phone":null,"contactName":null,"urgent":false,"summary":null,"problems":[{"category":"plumbing","summary":"漏水","urgent":false,"text":"漏水"}]}""", "invalid problems")]
    [InlineData("""{"category":"repair","confidence":0.9,"communityId":null,"place":null,"phone":null,"contactName":null,"urgent":false,"summary":null,"problems":[{"category":"repair","summary":"电话13805381234","urgent":false,"text":"堵了"}]}""", "invalid problems")]
    [InlineData("""{"category":"repair","confidence":0.9,"communityId":null,"place":null,"phone":null,"contactName":null,"urgent":false,"summary":null,"problems":"两件事"}""", "invalid problems")]
    [InlineData("""{"category":42,"confidence":0.9,"communityId":null,"place":null,"phone":null,"contactName":null,"urgent":false,"summary":null}""", "invalid json")]
    public async Task An_invalid_answer_falls_back_to_the_offline_reading(string content, string reason)
    {
        await using var fake = await OpenAiRig.Answering(content);

        var fields = await OpenAiRig.Reader(fake).UnderstandAsync(ModelAnswers.Text, Communities.Caiyuan, Ct);

        Assert.Equal(("offline", reason), (fields.Source, fields.FallbackReason));
        Assert.Equal(("repair", "dongqili", "13805381234"), (fields.Category, fields.CommunityId, fields.Phone));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(401)]
    public async Task A_failing_service_falls_back_without_retrying(int status)
    {
        await using var fake = await FakeAzureOpenAi.StartAsync((_, _) => Task.FromResult(Results.Json(new { error = new { code = "x", message = "no" } }, statusCode: status)));

        var fields = await OpenAiRig.Reader(fake).UnderstandAsync(ModelAnswers.Text, Communities.Caiyuan, Ct);

        Assert.Equal(("offline", $"http {status}"), (fields.Source, fields.FallbackReason));
        Assert.Equal("repair", fields.Category);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_slow_service_falls_back_when_the_timeout_passes()
    {
        // The service answers only after the reader has returned: the reading cannot have waited for it.
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fake = await FakeAzureOpenAi.StartAsync(async (_, ct) =>
        {
            await answer.Task.WaitAsync(ct);
            return FakeAzureOpenAi.Completion(ModelAnswers.Good().ToJsonString());
        });

        // The wait is only a hang guard: without the 300 ms timeout the reader would wait for ever.
        var fields = await OpenAiRig.Reader(fake, TimeSpan.FromMilliseconds(300)).UnderstandAsync(ModelAnswers.Text, Communities.Caiyuan, Ct)
            .WaitAsync(TimeSpan.FromSeconds(60), Ct);
        answer.SetResult();

        Assert.Equal(("offline", "timeout"), (fields.Source, fields.FallbackReason));
    }

    [Fact]
    public async Task An_unreachable_endpoint_falls_back()
    {
        var fake = await OpenAiRig.Answering("{}");
        var endpoint = fake.Endpoint;
        await fake.DisposeAsync();
        var reader = new OpenAiWishUnderstanding(new() { Endpoint = endpoint, Deployment = OpenAiRig.Deployment, ApiKey = OpenAiRig.Key, Timeout = TimeSpan.FromSeconds(2) });

        var fields = await reader.UnderstandAsync(ModelAnswers.Text, Communities.Caiyuan, Ct);

        Assert.Equal("offline", fields.Source);
        Assert.NotNull(fields.FallbackReason);
    }

    [Fact]
    public async Task A_cancelled_caller_gets_the_offline_reading_not_an_exception()
    {
        // The service never answers before the caller gives up, however long the cancellation takes to arrive.
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fake = await FakeAzureOpenAi.StartAsync(async (_, ct) =>
        {
            await answer.Task.WaitAsync(ct);
            return FakeAzureOpenAi.Completion("{}");
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var fields = await OpenAiRig.Reader(fake, TimeSpan.FromMinutes(10)).UnderstandAsync(ModelAnswers.Text, Communities.Caiyuan, cancel.Token)
            .WaitAsync(TimeSpan.FromSeconds(60), Ct);
        answer.SetResult();

        Assert.Equal(("offline", "cancelled"), (fields.Source, fields.FallbackReason));
    }
}
