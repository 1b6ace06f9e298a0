using System.Text.Json;
using System.Text.Json.Nodes;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Contract;

/// <summary>What /api/openapi.json promises a newcomer: every operation described, secured, typed and exemplified.</summary>
public sealed class ContractDocumentTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string[] Tags = ["工单 Orders", "微心愿 Wishes", "晒单 Showcases", "社区与单位 Directory", "工作台 Console", "聊天 Chat", "运行 Operations", "项目清单 Projects",
        "评议记录 Records", "需求清单 Needs", "资源清单 Resources",
        "双报到 People",
        "活动预告与报名 Activities",
        "资源共享预约 Bookings",
        "考核指标 Indicators",
        "网格管理 Grids", "格事坊 Grid reports", "议事 Deliberation", "年度评议 Evaluation"];
    private TestApp _app = null!;
    private PublishedContract _contract = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite);
        _contract = new PublishedContract(await (await _app.GetAsync("/api/openapi.json")).ReadJsonAsync(200));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IEnumerable<(string Where, JsonElement Operation)> Operations() =>
        from path in _contract.Document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        select ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);

    [Fact]
    public async Task The_schema_check_refuses_an_undeclared_a_missing_or_a_mistyped_field()
    {
        var response = await _app.PostAsync("/api/orders", TestApp.NewOrder());
        var body = await response.Content.ReadAsStringAsync();
        var check = (string b) => _contract.CheckResponse(HttpMethod.Post, "/api/orders", 201, "application/json", b);
        Assert.Empty(check(body));

        var extra = JsonNode.Parse(body)!.AsObject();
        extra["queuePosition"] = 3;
        Assert.Contains(check(extra.ToJsonString()), e => e.Contains("additionalProperties", StringComparison.Ordinal) || e.Contains("queuePosition", StringComparison.Ordinal));
        var missing = JsonNode.Parse(body)!.AsObject();
        missing.Remove("trackingCode");
        Assert.Contains(check(missing.ToJsonString()), e => e.Contains("required", StringComparison.Ordinal));
        var mistyped = JsonNode.Parse(body)!.AsObject();
        mistyped["status"] = 1;
        Assert.NotEmpty(check(mistyped.ToJsonString()));

        var problem = await (await _app.PostAsync("/api/orders", new { text = "灯坏了" })).Content.ReadAsStringAsync();
        Assert.Empty(_contract.CheckResponse(HttpMethod.Post, "/api/orders", 400, "application/problem+json", problem));
        var noCode = JsonNode.Parse(problem)!.AsObject();
        noCode.Remove("code");
        Assert.NotEmpty(_contract.CheckResponse(HttpMethod.Post, "/api/orders", 400, "application/problem+json", noCode.ToJsonString()));
        Assert.NotEmpty(_contract.CheckResponse(HttpMethod.Post, "/api/orders", 409, "application/problem+json", problem)); // 409 is not declared there
    }

    [Fact]
    public void Every_operation_has_a_feature_words_in_Chinese_and_English_and_its_credentials()
    {
        foreach (var (where, operation) in Operations())
        {
            Assert.Contains(operation.GetProperty("tags")[0].GetString(), Tags);
            var summary = operation.GetProperty("summary").GetString()!;
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}.*[A-Za-z]", summary);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", operation.GetProperty("description").GetString()!);
            Assert.True(operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0, $"{where}: no security");
            Assert.DoesNotMatch("<[a-z]+>", operation.GetProperty("description").GetString()!); // rendered as HTML by the reference page
        }
        var schemes = _contract.Document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("staffKey").GetProperty("scheme").GetString());
        Assert.Equal("X-Tracking-Code", schemes.GetProperty("trackingCode").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("directLineToken").GetProperty("scheme").GetString());
        var tags = _contract.Document.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Equal(Tags, tags);
        Assert.DoesNotMatch("<[a-z]+>", _contract.Document.GetProperty("info").GetProperty("description").GetString()!);
    }

    [Fact]
    public void Every_refusal_is_a_problem_with_code_field_and_title()
    {
        var problem = _contract.Document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemView");
        foreach (var name in new[] { "code", "field", "title", "status", "type" }) Assert.True(problem.GetProperty("properties").TryGetProperty(name, out _), name);
        Assert.Contains("code", problem.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var refusals = 0;
        foreach (var (where, operation) in Operations())
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var schema = response.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
                Assert.True(schema.GetProperty("$ref").GetString() == "#/components/schemas/ProblemView", $"{where} {response.Name}");
                refusals++;
            }
        Assert.True(refusals > 100, $"{refusals} refusals declared");
    }

    [Fact]
    public void Every_JSON_body_has_a_schema_and_an_example_that_matches_it()
    {
        var bodies = 0;
        foreach (var (where, operation) in Operations())
        {
            var contents = operation.GetProperty("responses").EnumerateObject()
                .Where(r => r.Value.TryGetProperty("content", out _))
                .SelectMany(r => r.Value.GetProperty("content").EnumerateObject().Select(c => ($"{where} → {r.Name} {c.Name}", c)));
            if (operation.TryGetProperty("requestBody", out var request))
                contents = contents.Concat(request.GetProperty("content").EnumerateObject().Select(c => ($"{where} request {c.Name}", c)));
            foreach (var (what, content) in contents.Where(c => c.c.Name.Contains("json", StringComparison.Ordinal)))
            {
                Assert.True(content.Value.TryGetProperty("schema", out var schema), $"{what}: no schema");
                Assert.True(content.Value.TryGetProperty("example", out var example), $"{what}: no example");
                var errors = _contract.Check(what, schema, example.GetRawText());
                Assert.True(errors.Count == 0, string.Join("\n", errors));
                bodies++;
            }
        }
        Assert.True(bodies > 150, $"{bodies} bodies");
    }

    [Theory]
    [InlineData("post", "/api/orders", "PlaceOrderRequest")]
    [InlineData("post", "/api/orders/{id}/dispatch", "DispatchRequest")]
    [InlineData("post", "/api/orders/{id}/complete", "CompleteRequest")]
    [InlineData("post", "/api/orders/{id}/confirm", "ConfirmRequest")]
    [InlineData("post", "/api/orders/{id}/decline", "ReasonRequest")]
    [InlineData("post", "/api/orders/{id}/cancel", "OptionalReasonRequest")]
    [InlineData("post", "/api/showcases", "PublishShowcaseRequest")]
    [InlineData("post", "/api/units", "CreateUnitRequest")]
    public void Request_bodies_name_the_type_the_function_reads(string method, string path, string schema)
    {
        var body = _contract.Document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("requestBody");
        Assert.Equal($"#/components/schemas/{schema}", body.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
    }
}
