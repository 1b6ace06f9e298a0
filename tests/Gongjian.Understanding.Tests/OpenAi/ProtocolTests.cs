using System.Text.Json.Nodes;
using Gongjian.Domain.Community;

namespace Gongjian.Understanding.Tests.OpenAi;

/// <summary>What is sent to Azure OpenAI and how a good answer is read.</summary>
public sealed class ProtocolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_answer_is_used_and_normalized()
    {
        await using var fake = await OpenAiRig.Answering(ModelAnswers.Good().ToJsonString());

        var fields = await OpenAiRig.Reader(fake).UnderstandAsync(ModelAnswers.Text, Communities.Caiyuan, Ct);

        Assert.Equal("openai", fields.Source);
        Assert.Null(fields.FallbackReason);
        Assert.Equal(("repair", 0.93, "dongqili"), (fields.Category, fields.CategoryConfidence, fields.CommunityId));
        Assert.Equal(("宝盛小区3号楼", "13805381234", "李阿姨"), (fields.Place, fields.Phone, fields.ContactName));
        Assert.Equal((Urgency.Normal, "宝盛小区3号楼下水道堵了"), (fields.Urgency, fields.Summary));
    }

    [Fact]
    public async Task The_request_is_an_azure_chat_completion_with_the_key_the_text_and_a_strict_schema()
    {
        await using var fake = await OpenAiRig.Answering(ModelAnswers.Good().ToJsonString());

        await OpenAiRig.Reader(fake).UnderstandAsync(ModelAnswers.Text, Communities.Caiyuan, Ct);

        var request = Assert.Single(fake.Requests);
        Assert.Equal((OpenAiRig.Deployment, OpenAiRig.Key), (request.Deployment, request.ApiKey));
        Assert.Equal("2024-10-21", request.ApiVersion);
        Assert.Equal(ModelAnswers.Text, request.UserText);
        Assert.Contains("repair", request.SystemPrompt);
        Assert.Contains("东七里社区", request.SystemPrompt);

        var format = request.ResponseFormat!;
        Assert.Equal("json_schema", format["type"]!.GetValue<string>());
        Assert.Equal("wish_fields", format["json_schema"]!["name"]!.GetValue<string>());
        Assert.True(format["json_schema"]!["strict"]!.GetValue<bool>());
        var properties = format["json_schema"]!["schema"]!["properties"]!;
        var codes = properties["category"]!["enum"]!.AsArray().Select(n => n?.GetValue<string>()).ToList();
        Assert.Equal([.. ServiceCategory.All.Select(c => c.Code), null], codes);
        var ids = properties["communityId"]!["enum"]!.AsArray().Select(n => n?.GetValue<string>()).ToList();
        Assert.Equal(["sanlian", "dongqili", "qingshan", null], ids);
        Assert.False(format["json_schema"]!["schema"]!["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Two_problems_the_model_lists_are_read_in_order_and_two_of_one_kind_are_one()
    {
        var answer = ModelAnswers.Good();
        answer["problems"] = JsonNode.Parse("""
            [{"category":"repair","summary":"3号楼下水道堵了","urgent":false,"text":"宝盛小区3号楼下水道堵了"},
             {"category":"repair","summary":"楼道灯也坏了","urgent":false,"text":"楼道灯也坏了"},
             {"category":"parking","summary":"楼下僵尸车没人管","urgent":false,"text":"楼下那辆僵尸车没人管"}]
            """);
        await using var fake = await OpenAiRig.Answering(answer.ToJsonString());

        var fields = await OpenAiRig.Reader(fake).UnderstandAsync(ModelAnswers.Text, Communities.Caiyuan, Ct);

        Assert.Equal("openai", fields.Source);
        Assert.Equal(["repair", "parking"], fields.Problems.Select(p => p.Category));
        Assert.Equal(["宝盛小区3号楼下水道堵了", "楼下那辆僵尸车没人管"], fields.Problems.Select(p => p.Text));
        var schema = Assert.Single(fake.Requests).ResponseFormat!["json_schema"]!["schema"]!;
        Assert.Contains("problems", schema["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal([.. ServiceCategory.All.Select(c => c.Code)],
            schema["properties"]!["problems"]!["items"]!["properties"]!["category"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task One_problem_listed_alone_is_no_split()
    {
        var answer = ModelAnswers.Good();
        answer["problems"] = JsonNode.Parse("""[{"category":"repair","summary":"下水道堵了","urgent":false,"text":"下水道堵了"}]""");
        await using var fake = await OpenAiRig.Answering(answer.ToJsonString());

        var fields = await OpenAiRig.Reader(fake).UnderstandAsync(ModelAnswers.Text, Communities.Caiyuan, Ct);

        Assert.Equal(("openai", 0), (fields.Source, fields.Problems.Count));
    }

    [Fact]
    public async Task A_category_the_model_is_unsure_of_is_left_for_the_bot_to_ask()
    {
        await using var fake = await OpenAiRig.Answering(ModelAnswers.With("confidence", 0.3));

        var fields = await OpenAiRig.Reader(fake).UnderstandAsync(ModelAnswers.Text, Communities.Caiyuan, Ct);

        Assert.Equal(("openai", null, "13805381234"), (fields.Source, fields.Category, fields.Phone));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("asdf!!!")]
    [InlineData("13805381234")]
    public async Task Text_with_nothing_to_read_is_not_sent_to_the_model(string text)
    {
        await using var fake = await OpenAiRig.Answering(ModelAnswers.Good().ToJsonString());

        var fields = await OpenAiRig.Reader(fake).UnderstandAsync(text, Communities.Caiyuan, Ct);

        Assert.Equal("offline", fields.Source);
        Assert.Empty(fake.Requests);
    }
}
